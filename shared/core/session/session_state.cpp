#include "shared/core/session/session_state.h"

#include <algorithm>

namespace support::session {

namespace {

template <typename T> const Versioned<T>& newer(const Versioned<T>& a, const Versioned<T>& b) {
    return b.newer_than(a) ? b : a;
}

} // namespace

Session merge(const Session& a, const Session& b) {
    if (a.generation != b.generation)
        return a.generation > b.generation ? a : b;
    Session out;
    out.generation = a.generation;
    out.panel_open = newer(a.panel_open, b.panel_open);
    out.views = newer(a.views, b.views);
    out.search_query = newer(a.search_query, b.search_query);
    out.guide = newer(a.guide, b.guide);
    out.chat = newer(a.chat, b.chat);
    out.clock = std::max(a.clock, b.clock);
    return out;
}

template <typename T> void SessionReplica::write(Versioned<T>& field, T value) {
    field.value = std::move(value);
    field.clock = ++m_state.clock;
    field.tab = m_tab;
}

void SessionReplica::set_panel_open(bool open) {
    write(m_state.panel_open, open);
}

void SessionReplica::set_views(std::vector<std::string> views) {
    write(m_state.views, std::move(views));
}

void SessionReplica::set_search_query(std::string query) {
    write(m_state.search_query, std::move(query));
}

void SessionReplica::set_guide(std::optional<guide::GuideProgress> guide) {
    write(m_state.guide, std::move(guide));
}

void SessionReplica::set_chat(std::optional<ChatAt> chat) {
    write(m_state.chat, std::move(chat));
}

void SessionReplica::forget() {
    const std::uint64_t next = m_state.generation + 1;
    m_state = Session();
    m_state.generation = next;
}

bool SessionReplica::forget_up_to(std::uint64_t generation) {
    if (generation <= m_state.generation)
        return false;
    m_state = Session();
    m_state.generation = generation;
    return true;
}

bool SessionReplica::merge(const Session& other) {
    Session merged = session::merge(m_state, other);
    if (merged == m_state)
        return false;
    m_state = std::move(merged);
    return true;
}

} // namespace support::session
