#pragma once
// The Insights view's figures, read from /api/v1/staff/insights: which articles help, feedback per
// day, the pages shoppers are unhappy on, what they search for and do not find, and where they
// leave guides.

#include "console/model/staff_transport.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace support::console {

struct InsightsFigures {
    struct Article {
        std::string id;
        std::int64_t helpful = 0;
        std::int64_t not_helpful = 0;
    };
    struct Day {
        std::int64_t start_ms = 0;
        std::int64_t total = 0;
        std::int64_t negative = 0;
    };
    struct Page {
        std::string url;
        std::int64_t negative = 0;
        std::int64_t total = 0;
    };
    struct Search {
        std::string query;
        std::int64_t count = 0;
    };
    struct Step {
        std::int64_t number = 0;
        std::string id;
        std::int64_t abandoned = 0;
    };
    struct Guide {
        std::string id;
        std::int64_t completed = 0;
        std::int64_t abandoned = 0;
        std::vector<Step> steps;
    };

    std::int64_t total = 0;
    std::vector<Article> articles;
    std::vector<Day> days;
    std::vector<Page> pages;
    std::vector<Search> searches;
    std::vector<Guide> guides;
};

std::optional<InsightsFigures> parse_insights(const std::string& json);

class Insights {
  public:
    Insights(StaffTransport transport, std::function<void()> on_signed_out);

    // days: the last N days (0: everything). Fetches again.
    void load(int days, std::int64_t now_ms);
    int days() const { return m_days; }
    const std::optional<InsightsFigures>& figures() const { return m_figures; }
    bool loading() const { return m_loading; }
    const std::string& error() const { return m_error; }

  private:
    StaffTransport m_transport;
    std::function<void()> m_on_signed_out;
    std::optional<InsightsFigures> m_figures;
    int m_days = -1;
    std::uint64_t m_generation = 0;
    bool m_loading = false;
    std::string m_error;
};

} // namespace support::console
