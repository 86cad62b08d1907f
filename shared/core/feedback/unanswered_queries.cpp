#include "shared/core/feedback/unanswered_queries.h"

#include "shared/core/text/utf8.h"

#include <algorithm>
#include <charconv>

namespace support::feedback {

namespace {

constexpr std::string_view k_storage_header = "sw-unanswered 1";

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

template <typename Number> bool parse_number(std::string_view& line, Number& out) {
    const auto [next, error] = std::from_chars(line.data(), line.data() + line.size(), out);
    if (error != std::errc() || next == line.data() || next == line.data() + line.size() || *next != ' ')
        return false;
    line.remove_prefix(static_cast<std::size_t>(next - line.data()) + 1);
    return true;
}

Error bad_format(std::size_t line_number, std::string message) {
    return make_error("search.unanswered.bad_format", std::move(message), std::to_string(line_number));
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
    out.resize(text::truncate_utf8(out, UnansweredQueries::k_max_query_bytes).size());
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

UnansweredQueries::UnansweredQueries(std::size_t capacity) : m_capacity(std::max<std::size_t>(capacity, 1)) {}

bool UnansweredQueries::record(std::string_view query, std::int64_t client_time_ms) {
    std::string folded = fold_unanswered_query(query);
    if (folded.empty())
        return false;
    auto it = std::find_if(m_entries.begin(), m_entries.end(),
                           [&](const UnansweredQuery& entry) { return entry.query == folded; });
    if (it != m_entries.end()) {
        ++it->count;
        it->last_ms = std::max(it->last_ms, client_time_ms);
        return true;
    }
    if (m_entries.size() >= m_capacity) {
        auto stalest = std::min_element(
            m_entries.begin(), m_entries.end(),
            [](const UnansweredQuery& a, const UnansweredQuery& b) { return a.last_ms < b.last_ms; });
        m_entries.erase(stalest);
    }
    m_entries.push_back(UnansweredQuery{std::move(folded), 1, client_time_ms, client_time_ms});
    return true;
}

std::string UnansweredQueries::to_storage_text() const {
    std::string out(k_storage_header);
    out += '\n';
    for (const UnansweredQuery& entry : m_entries) {
        out += std::to_string(entry.count);
        out += ' ';
        out += std::to_string(entry.first_ms);
        out += ' ';
        out += std::to_string(entry.last_ms);
        out += ' ';
        out += entry.query; // folded: no newlines
        out += '\n';
    }
    return out;
}

Result<UnansweredQueries> UnansweredQueries::from_storage_text(std::string_view text, std::size_t capacity) {
    UnansweredQueries log(capacity);
    std::size_t line_number = 0;
    while (!text.empty()) {
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        ++line_number;
        if (line_number == 1) {
            if (line != k_storage_header)
                return bad_format(line_number, "not an unanswered-query log (unknown header)");
            continue;
        }
        if (line.empty())
            continue;
        UnansweredQuery entry;
        if (!parse_number(line, entry.count) || !parse_number(line, entry.first_ms) ||
            !parse_number(line, entry.last_ms))
            return bad_format(line_number, "expected: count first_ms last_ms query");
        entry.query = fold_unanswered_query(line);
        if (entry.query.empty() || entry.count == 0)
            return bad_format(line_number, "an entry needs a query and a count of at least 1");
        auto same = std::find_if(log.m_entries.begin(), log.m_entries.end(),
                                 [&](const UnansweredQuery& e) { return e.query == entry.query; });
        if (same != log.m_entries.end()) {
            same->count += entry.count;
            same->first_ms = std::min(same->first_ms, entry.first_ms);
            same->last_ms = std::max(same->last_ms, entry.last_ms);
        } else {
            log.m_entries.push_back(std::move(entry));
        }
    }
    if (line_number == 0)
        return bad_format(1, "empty text");
    while (log.m_entries.size() > log.m_capacity) {
        auto stalest = std::min_element(
            log.m_entries.begin(), log.m_entries.end(),
            [](const UnansweredQuery& a, const UnansweredQuery& b) { return a.last_ms < b.last_ms; });
        log.m_entries.erase(stalest);
    }
    return log;
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
