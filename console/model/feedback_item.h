#pragma once
// One piece of feedback as the console shows it, read from the staff API's JSON (everything the
// shopper's page sent, and where staff have taken it), with its activity when the item was read
// on its own.

#include "console/model/context_facts.h"
#include "shared/core/calendar/civil_date.h"

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace support::console {

struct FeedbackActivityEntry {
    std::string action; // "status", "tag_added", "tag_removed", "note"
    std::string value;
    std::string staff;
    std::int64_t at_ms = 0;
};

struct FeedbackItem {
    std::int64_t id = 0;
    std::string site;
    std::int64_t received_at_ms = 0;
    std::string status; // "new", "in_progress", "resolved"
    std::vector<std::string> tags;
    std::string kind; // "article_helpful", "page", "guide", "search_miss", "problem_report", "chat_csat"
    std::string subject;
    std::optional<bool> helpful;
    std::string outcome; // guide: "completed" or "abandoned"
    int score = 0;       // chat_csat: 1–5
    std::string step;
    std::string comment;
    std::string email; // where the shopper wants a reply
    std::string locale;
    std::string page_url;
    ContextFacts context; // what the page and the site knew when the shopper gave it
    std::vector<FeedbackActivityEntry> activity;
};

// Nothing when the JSON is not an item.
std::optional<FeedbackItem> parse_feedback_item(const std::string& json);
// The same for an item already parsed (one of a list page's "items").
std::optional<FeedbackItem> parse_feedback_item(const nlohmann::json& item);

// What kind of feedback it is, in a few words: "Not helpful", "Helpful", "Search without a result",
// "Guide abandoned at step 2", "Problem report".
std::string describe_feedback(const FeedbackItem& item);
// "new" → "New", "in_progress" → "In progress", "resolved" → "Resolved".
std::string status_label(const std::string& status);

} // namespace support::console
