#pragma once
// What feedback adds up to, for the console's Insights view: which articles help, how much
// feedback arrives each day, which pages shoppers are unhappy on, what they search for and do not
// find (the articles to write next), and where they give up on a guide.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

struct InsightsQuery {
    std::string site;                               // empty: every site
    std::optional<std::int64_t> received_from_ms;   // inclusive
    std::optional<std::int64_t> received_before_ms; // exclusive
    std::size_t top = 20;                           // rows in each ranked list
};

struct ArticleHelpfulness {
    std::string article_id;
    std::int64_t helpful = 0;
    std::int64_t not_helpful = 0;
};

// One UTC day: [day_start_ms, day_start_ms + 86'400'000).
struct DailyFeedback {
    std::int64_t day_start_ms = 0;
    std::int64_t total = 0;
    std::int64_t negative = 0; // "not helpful" answers and problem reports
};

struct PageNegatives {
    std::string page_url;
    std::int64_t negative = 0; // "not helpful" answers and problem reports
    std::int64_t total = 0;
};

// Searches are grouped as search compares them (folded), and shown as most often typed.
struct UnansweredSearch {
    std::string query;
    std::int64_t count = 0;
    std::int64_t last_received_at_ms = 0;
};

struct GuideStepAbandons {
    std::int64_t step_number = 0; // 1-based position on the shopper's way; 0 when unknown
    std::string step;             // the step's id
    std::int64_t abandoned = 0;
};

struct GuideDropOff {
    std::string guide_id;
    std::int64_t completed = 0;
    std::int64_t abandoned = 0;
    std::vector<GuideStepAbandons> steps; // by step_number
};

struct FeedbackInsights {
    std::int64_t total = 0;
    std::vector<ArticleHelpfulness> articles; // most answers first
    std::vector<DailyFeedback> per_day;       // oldest first; days without feedback left out
    std::vector<PageNegatives> negative_pages;
    std::vector<UnansweredSearch> unanswered_searches;
    std::vector<GuideDropOff> guides; // most abandoned first
};

} // namespace support::server
