#pragma once
// The Feedback table's rows: as many as match the filters (100,000 is ordinary), fetched in pages of
// 100 only when the table scrolls to them. Pages are read by position below the newest id the
// first answer named, so feedback arriving while staff scroll never shifts a row; Refresh shows it.
//
//   rows.set_filters(filters);          // counts and fetches the first page
//   if (const FeedbackItem* item = rows.row(i)) draw(*item); else draw_placeholder();  // asks for i's page

#include "console/model/feedback_item.h"
#include "console/model/staff_transport.h"

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace support::console {

struct FeedbackFilters {
    std::string status;  // "", "new", "in_progress", "resolved"
    std::string helpful; // "", "yes", "no"
    std::string kind;    // "" or a feedback kind
    std::string text;    // words anywhere in the item
    std::string tag;
    bool oldest_first = false;

    bool operator==(const FeedbackFilters&) const = default;
    // "status=new&helpful=no&q=eilat" (values percent-encoded), without a leading '?'.
    std::string query_string() const;
    // The CSV export of everything these filters match.
    std::string csv_url() const;
};

inline constexpr std::size_t k_rows_per_page = 100;

class FeedbackRows {
  public:
    // `on_signed_out` runs when the server answers 401 (the session ended).
    FeedbackRows(StaffTransport transport, std::function<void()> on_signed_out);

    void set_filters(const FeedbackFilters& filters);
    // Forgets every page and counts again (new feedback appears).
    void refresh();
    const FeedbackFilters& filters() const { return m_filters; }

    bool counted() const { return m_counted; }
    std::size_t total() const { return m_total; }
    // The row at `index`, or null while its page is on its way (then it is asked for).
    const FeedbackItem* row(std::size_t index);
    // Where the item with `id` is among the loaded rows, if it is.
    std::optional<std::size_t> index_of(std::int64_t id) const;
    // An item changed by staff: its row shows the change without a new fetch.
    void update(const FeedbackItem& item);
    // Why the last fetch failed, for the table's status line; "" when nothing failed.
    const std::string& error() const { return m_error; }
    bool loading() const { return !m_requested.empty(); }

  private:
    void fetch_page(std::size_t page);

    StaffTransport m_transport;
    std::function<void()> m_on_signed_out;
    FeedbackFilters m_filters;
    std::uint64_t m_generation = 0; // answers for older filters are dropped
    bool m_counted = false;
    std::size_t m_total = 0;
    std::int64_t m_newest_id = 0;
    std::map<std::size_t, std::vector<FeedbackItem>> m_pages;
    std::map<std::size_t, bool> m_requested;
    std::string m_error;
};

} // namespace support::console
