#pragma once
// Searches that settled with nothing found: watches what the shopper types
// (UnansweredQueryWatch), records a settled query with no result and keeps the log in the widget's
// key-value store (key "unanswered-searches"). Times are passed in; the widget asks for a frame
// when a query will settle.

#include "shared/core/feedback/unanswered_queries.h"
#include "shared/core/persistence/key_value_store.h"
#include "shared/core/result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace support::feedback {

class UnansweredSearchLog {
  public:
    explicit UnansweredSearchLog(persistence::KeyValueStore& store) : m_store(store) {}

    void load();
    // On every change of the query or of its number of results. Returns in how many ms the query
    // settles (ask for a frame then), or nothing when it will not.
    std::optional<std::int64_t> query_changed(std::string_view query, std::size_t result_count,
                                              std::int64_t now_ms);
    // Once per frame: records the query if it has settled. The error is why it could not be kept.
    Result<void> poll(std::int64_t now_ms);
    // The shopper left the query (closed the panel, asked for chat): it settles now.
    Result<void> leave(std::int64_t now_ms);

    const UnansweredQueries& queries() const { return m_log; }

  private:
    Result<void> record(const std::string& query, std::int64_t now_ms);

    persistence::KeyValueStore& m_store;
    UnansweredQueries m_log;
    UnansweredQueryWatch m_watch;
};

} // namespace support::feedback
