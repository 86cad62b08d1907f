#include "console/model/feedback_item.h"

#include <nlohmann/json.hpp>

namespace support::console {

namespace {

using nlohmann::json;

std::string text(const json& object, const char* name) {
    if (!object.is_object())
        return {};
    const auto field = object.find(name);
    return field != object.end() && field->is_string() ? field->get<std::string>() : std::string();
}

std::int64_t number(const json& object, const char* name) {
    if (!object.is_object())
        return 0;
    const auto field = object.find(name);
    return field != object.end() && field->is_number_integer() ? field->get<std::int64_t>() : 0;
}

const json& member(const json& object, const char* name) {
    static const json k_null;
    if (!object.is_object())
        return k_null;
    const auto field = object.find(name);
    return field != object.end() ? *field : k_null;
}

// The array `name`, or an empty one (a JSON string or object would iterate as its own values).
const json& array_member(const json& object, const char* name) {
    static const json k_empty = json::array();
    const json& field = member(object, name);
    return field.is_array() ? field : k_empty;
}

} // namespace

std::optional<FeedbackItem> parse_feedback_item(const std::string& body) {
    return parse_feedback_item(json::parse(body, nullptr, false));
}

std::optional<FeedbackItem> parse_feedback_item(const json& item) {
    if (!item.is_object() || number(item, "id") <= 0)
        return std::nullopt;
    FeedbackItem out;
    out.id = number(item, "id");
    out.site = text(item, "site");
    out.received_at_ms = number(item, "received_at_ms");
    out.status = text(item, "status");
    for (const auto& tag : array_member(item, "tags"))
        if (tag.is_string())
            out.tags.push_back(tag.get<std::string>());
    const json& s = member(item, "submission");
    out.kind = text(s, "kind");
    for (const char* field : {"article_id", "topic", "guide_id", "query", "conversation_id"})
        if (out.subject.empty())
            out.subject = text(s, field);
    if (const json& helpful = member(s, "helpful"); helpful.is_boolean())
        out.helpful = helpful.get<bool>();
    out.outcome = text(s, "outcome");
    out.step = text(s, "step");
    if (const json& score = member(s, "score"); score.is_number_integer())
        out.score = score.get<int>();
    out.comment = text(s, "comment");
    out.email = text(s, "email");
    out.locale = text(s, "locale");
    const json& context = member(s, "context");
    out.page_url = text(member(context, "page"), "url");
    out.context = read_context_facts(context);
    for (const auto& entry : array_member(item, "activity"))
        out.activity.push_back(
            {text(entry, "action"), text(entry, "value"), text(entry, "staff"), number(entry, "at_ms")});
    return out;
}

std::string describe_feedback(const FeedbackItem& item) {
    if (item.kind == "article_helpful" || item.kind == "page")
        return item.helpful.value_or(false) ? "Helpful" : "Not helpful";
    if (item.kind == "search_miss")
        return "Search without a result";
    if (item.kind == "guide")
        return item.outcome == "abandoned" ? "Guide left at " + (item.step.empty() ? "a step" : item.step)
                                           : "Guide completed";
    if (item.kind == "problem_report")
        return "Problem report";
    if (item.kind == "chat_csat")
        return "Chat rated " + std::to_string(item.score) + " of 5";
    return item.kind;
}

std::string status_label(const std::string& status) {
    if (status == "in_progress")
        return "In progress";
    if (status == "resolved")
        return "Resolved";
    return "New";
}

} // namespace support::console
