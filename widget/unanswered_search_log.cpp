#include "widget/unanswered_search_log.h"

#include "shared/web/local_storage.h"
#include "shared/web/web_app.h"

#include <cstdio>

namespace support::widget {

namespace {

constexpr std::string_view k_storage_key = "unanswered-searches";

} // namespace

void UnansweredSearchLog::load() {
    auto stored = web::storage_get(k_storage_key);
    if (!stored || !stored->has_value())
        return;
    // A log this version cannot read is started afresh rather than lost in a loop of errors.
    if (auto log = search::UnansweredQueries::from_storage_text(**stored))
        m_log = std::move(*log);
}

void UnansweredSearchLog::query_changed(std::string_view query, std::size_t result_count,
                                        std::int64_t now_ms) {
    m_watch.update(query, result_count, now_ms);
    if (const auto due = m_watch.due_in(now_ms))
        web::request_frame_after(static_cast<int>(*due) + 20);
}

void UnansweredSearchLog::poll(std::int64_t now_ms) {
    if (const auto settled = m_watch.poll(now_ms))
        record(*settled, now_ms);
}

void UnansweredSearchLog::leave(std::int64_t now_ms) {
    if (const auto settled = m_watch.leave())
        record(*settled, now_ms);
}

void UnansweredSearchLog::record(const std::string& query, std::int64_t now_ms) {
    m_log.record(query, now_ms);
    if (auto stored = web::storage_set(k_storage_key, m_log.to_storage_text()); !stored)
        std::fprintf(stderr, "support widget: unanswered search not kept: %s\n", stored.error().code.c_str());
}

} // namespace support::widget
