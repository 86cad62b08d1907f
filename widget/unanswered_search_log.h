#pragma once
// The widget's side of search::UnansweredQueries: watches what the shopper types, records a query
// that settled with no result, and keeps the log in localStorage (key "unanswered-searches",
// site-scoped) until the feedback issue sends it to the console.

#include "shared/core/search/unanswered_queries.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace support::widget {

class UnansweredSearchLog {
  public:
    void load();
    // On every change of the query or of its number of results.
    void query_changed(std::string_view query, std::size_t result_count, std::int64_t now_ms);
    // Once per frame: records the query if it has settled, and asks for a frame when it will.
    void poll(std::int64_t now_ms);
    // The shopper left the query (closed the panel, asked for chat): it settles now.
    void leave(std::int64_t now_ms);

    const search::UnansweredQueries& queries() const { return m_log; }

  private:
    void record(const std::string& query, std::int64_t now_ms);

    search::UnansweredQueries m_log;
    search::UnansweredQueryWatch m_watch;
};

} // namespace support::widget
