#pragma once
// Searches that found nothing, kept for the console's "what to write next" insight: a bounded,
// de-duplicated log of folded queries with how often and when (client time, passed in) each was
// seen, and the rule that decides when a query counts as asked — it has settled.
//
// A query settles when the shopper stops typing for k_settle_ms, or leaves it (closes the panel,
// asks for chat) sooner. Only a settled query with no result is recorded, so the prefixes typed on
// the way ("zx", "zxq") never are. The log serialises to a small versioned text (one entry per
// line) that the widget keeps between visits.

#include "shared/core/result.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::feedback {

// The form a query is counted under: surrounding spaces trimmed, inner whitespace runs collapsed
// to one space, ASCII letters lowercased, cut to k_max_query_bytes on a UTF-8 boundary.
std::string fold_unanswered_query(std::string_view query);

struct UnansweredQuery {
    std::string query;         // folded
    std::uint32_t count = 0;   // settled occurrences
    std::int64_t first_ms = 0; // client time (ms since the Unix epoch) of the first and latest
    std::int64_t last_ms = 0;
    friend bool operator==(const UnansweredQuery&, const UnansweredQuery&) = default;
};

class UnansweredQueries {
  public:
    static constexpr std::size_t k_default_capacity = 50;
    static constexpr std::size_t k_max_query_bytes = 200;

    explicit UnansweredQueries(std::size_t capacity = k_default_capacity);

    // Counts the query. When the log is full, the entry seen least recently makes room. Returns
    // false (and records nothing) for a query that folds to nothing.
    bool record(std::string_view query, std::int64_t client_time_ms);

    // Oldest first by first sighting.
    const std::vector<UnansweredQuery>& entries() const { return m_entries; }
    bool empty() const { return m_entries.empty(); }
    void clear() { m_entries.clear(); }

    // "sw-unanswered 1\n" then one "count first_ms last_ms query\n" per entry.
    std::string to_storage_text() const;
    // Errors: search.unanswered.bad_format (the header or a line does not parse; field = line
    // number). Entries beyond the capacity are dropped, least recently seen first.
    static Result<UnansweredQueries> from_storage_text(std::string_view text,
                                                       std::size_t capacity = k_default_capacity);

  private:
    std::size_t m_capacity;
    std::vector<UnansweredQuery> m_entries;
};

// Watches the search field and says when a query has settled with no result.
class UnansweredQueryWatch {
  public:
    static constexpr std::int64_t k_settle_ms = 1500;

    // The query or its number of results changed at now_ms (every keystroke).
    void update(std::string_view query, std::size_t result_count, std::int64_t now_ms);
    // The query settles when due: returns it once if it found nothing.
    std::optional<std::string> poll(std::int64_t now_ms);
    // The shopper left the query before it settled (closed the panel, asked for chat): settle now.
    std::optional<std::string> leave();
    // Milliseconds until poll() would settle the pending query; nullopt when nothing is pending.
    std::optional<std::int64_t> due_in(std::int64_t now_ms) const;

  private:
    std::optional<std::string> settle();

    std::string m_query; // folded
    std::size_t m_results = 0;
    std::int64_t m_changed_ms = 0;
    bool m_pending = false;
    std::string m_last_settled; // a query that settles twice in a row is counted once
};

} // namespace support::feedback
