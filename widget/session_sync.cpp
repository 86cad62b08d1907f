#include "widget/session_sync.h"

#include "shared/core/session/session_json.h"

#include <charconv>
#include <cstdio>

namespace support::widget {

namespace {

constexpr std::string_view k_session_key = "session";
constexpr std::string_view k_legacy_guide_key = "guide-progress";
// Posted on the session's channel with the new generation: "forgotten 3".
constexpr std::string_view k_forgotten_prefix = "forgotten ";

} // namespace

void SessionSync::start(std::string tab_id, std::function<void(const session::Session&)> on_changed) {
    m_replica = session::SessionReplica(std::move(tab_id));
    auto stored = m_storage.get(k_session_key);
    if (stored && stored->has_value()) {
        take(**stored, "the saved session");
    } else if (auto legacy = m_storage.get(k_legacy_guide_key); legacy && legacy->has_value()) {
        // Kept by an earlier version: moved into the session once.
        if (auto progress = guide::parse_guide_progress(**legacy))
            m_replica.set_guide(std::move(progress).value());
        else
            std::fprintf(stderr,
                         "support widget: the saved guide progress is not usable and is forgotten: %s\n",
                         progress.error().code.c_str());
        store_and_post();
        (void)m_storage.remove(k_legacy_guide_key);
    }
    m_on_changed = std::move(on_changed);
    m_channel.open(k_session_key, [this](std::string_view text) { take(text, "another tab's session"); });
}

void SessionSync::forget() {
    m_replica.forget();
    m_channel.post(std::string(k_forgotten_prefix) + std::to_string(state().generation));
}

void SessionSync::take(std::string_view text, const char* from) {
    if (text.starts_with(k_forgotten_prefix)) {
        std::uint64_t generation = 0;
        const std::string_view digits = text.substr(k_forgotten_prefix.size());
        std::from_chars(digits.data(), digits.data() + digits.size(), generation);
        if (m_replica.forget_up_to(generation) && m_on_forgotten)
            m_on_forgotten();
        return;
    }
    auto copy = session::parse_session(text);
    if (!copy) {
        if (!m_warned)
            std::fprintf(stderr, "support widget: %s is not usable and is replaced: %s at %s\n", from,
                         copy.error().code.c_str(),
                         copy.error().field.empty() ? "/" : copy.error().field.c_str());
        m_warned = true;
        return;
    }
    ++m_received;
    const session::Session before = m_replica.state();
    if (m_replica.merge(*copy) && m_on_changed)
        m_on_changed(before);
}

void SessionSync::store_and_post() {
    // Another tab may have stored a newer copy whose message has not arrived yet: merged first, so
    // what is stored loses nothing.
    if (auto stored = m_storage.get(k_session_key); stored && stored->has_value())
        take(**stored, "the saved session");
    const std::string text = session::serialize_session(m_replica.state());
    if (auto kept = m_storage.set(k_session_key, text); !kept && !m_warned) {
        std::fprintf(stderr, "support widget: the session is not kept across pages: %s\n",
                     kept.error().code.c_str());
        m_warned = true;
    }
    m_channel.post(text);
}

template <typename T, typename Write>
void SessionSync::write_if_changed(const T& current, const T& value, Write write) {
    if (current == value)
        return;
    write();
    store_and_post();
}

void SessionSync::set_panel_open(bool open) {
    write_if_changed(state().panel_open.value, open, [&] { m_replica.set_panel_open(open); });
}

void SessionSync::set_views(std::vector<std::string> views) {
    write_if_changed(state().views.value, views, [&] { m_replica.set_views(std::move(views)); });
}

void SessionSync::set_search_query(const std::string& query) {
    write_if_changed(state().search_query.value, query, [&] { m_replica.set_search_query(query); });
}

void SessionSync::set_guide(const std::optional<guide::GuideProgress>& guide) {
    write_if_changed(state().guide.value, guide, [&] { m_replica.set_guide(guide); });
}

void SessionSync::set_chat(const std::optional<session::ChatAt>& chat) {
    write_if_changed(state().chat.value, chat, [&] { m_replica.set_chat(chat); });
}

} // namespace support::widget
