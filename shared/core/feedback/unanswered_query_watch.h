#pragma once
// Searches that found nothing, for the console's "what to write next" insight: the rule that
// decides when a query counts as asked — it has settled — and the form it is counted under. The
// widget sends each settled query as a search_miss feedback event.
//
// A query settles when the shopper stops typing for k_settle_ms, or leaves it (closes the panel,
// asks for chat) sooner. Only a settled query with no result counts, so the prefixes typed on the
// way ("zx", "zxq") never do.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace support::feedback {

// The form a query is counted under: surrounding spaces trimmed, inner whitespace runs collapsed
// to one space, ASCII letters lowercased, cut to k_max_unanswered_query_bytes on a UTF-8 boundary.
inline constexpr std::size_t k_max_unanswered_query_bytes = 200;
std::string fold_unanswered_query(std::string_view query);

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
