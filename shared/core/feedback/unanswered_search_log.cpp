#include "shared/core/feedback/unanswered_search_log.h"

namespace support::feedback {

namespace {

constexpr std::string_view k_storage_key = "unanswered-searches";

} // namespace

void UnansweredSearchLog::load() {
    auto stored = m_store.get(k_storage_key);
    if (!stored || !stored->has_value())
        return;
    // A log this version cannot read is started afresh rather than lost in a loop of errors.
    if (auto log = UnansweredQueries::from_storage_text(**stored))
        m_log = std::move(*log);
}

std::optional<std::int64_t>
UnansweredSearchLog::query_changed(std::string_view query, std::size_t result_count, std::int64_t now_ms) {
    m_watch.update(query, result_count, now_ms);
    return m_watch.due_in(now_ms);
}

Result<void> UnansweredSearchLog::poll(std::int64_t now_ms) {
    if (const auto settled = m_watch.poll(now_ms))
        return record(*settled, now_ms);
    return ok();
}

Result<void> UnansweredSearchLog::leave(std::int64_t now_ms) {
    if (const auto settled = m_watch.leave())
        return record(*settled, now_ms);
    return ok();
}

Result<void> UnansweredSearchLog::record(const std::string& query, std::int64_t now_ms) {
    m_log.record(query, now_ms);
    return m_store.set(k_storage_key, m_log.to_storage_text());
}

} // namespace support::feedback
