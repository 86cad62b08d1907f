#include "shared/core/feedback/unanswered_query_watch.h"

#include "shared/core/text/utf8.h"

#include <algorithm>

namespace support::feedback {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::string fold_unanswered_query(std::string_view query) {
    std::string out;
    out.reserve(query.size());
    bool pending_space = false;
    for (const char c : query) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out.push_back(' ');
        pending_space = false;
        out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
    }
    out.resize(text::truncate_utf8(out, k_max_unanswered_query_bytes).size());
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

void UnansweredQueryWatch::update(std::string_view query, std::size_t result_count, std::int64_t now_ms) {
    std::string folded = fold_unanswered_query(query);
    if (folded == m_query && result_count == m_results)
        return;
    if (folded != m_query)
        m_changed_ms = now_ms;
    m_query = std::move(folded);
    m_results = result_count;
    m_pending = !m_query.empty();
    if (!m_pending)
        m_last_settled.clear();
}

std::optional<std::string> UnansweredQueryWatch::poll(std::int64_t now_ms) {
    if (!m_pending || now_ms - m_changed_ms < k_settle_ms)
        return std::nullopt;
    return settle();
}

std::optional<std::string> UnansweredQueryWatch::leave() {
    if (!m_pending)
        return std::nullopt;
    return settle();
}

std::optional<std::int64_t> UnansweredQueryWatch::due_in(std::int64_t now_ms) const {
    if (!m_pending)
        return std::nullopt;
    return std::max<std::int64_t>(0, m_changed_ms + k_settle_ms - now_ms);
}

std::optional<std::string> UnansweredQueryWatch::settle() {
    m_pending = false;
    if (m_results != 0 || m_query == m_last_settled)
        return std::nullopt;
    m_last_settled = m_query;
    return m_query;
}

} // namespace support::feedback
