#include "server/staff/staff_feedback_json.h"

#include "shared/core/protocol/feedback_submission.h"

namespace support::server {

nlohmann::json feedback_json(const StoredFeedback& item) {
    return {{"id", item.id},
            {"site", item.site},
            {"received_at_ms", item.received_at_ms},
            {"status", feedback_status_name(item.status)},
            {"tags", item.tags},
            {"submission", nlohmann::json::parse(protocol::encode_feedback_submission(item.submission))}};
}

nlohmann::json feedback_page_json(const FeedbackPage& page) {
    auto items = nlohmann::json::array();
    for (const auto& item : page.items)
        items.push_back(feedback_json(item));
    nlohmann::json next = nullptr;
    if (page.more && !page.items.empty())
        next = std::to_string(page.items.back().id);
    return {{"items", std::move(items)}, {"next", std::move(next)}};
}

nlohmann::json feedback_detail_json(const FeedbackDetail& detail) {
    auto json = feedback_json(detail.feedback);
    auto activity = nlohmann::json::array();
    for (const auto& entry : detail.activity)
        activity.push_back({{"id", entry.id},
                            {"action", triage_action_name(entry.action)},
                            {"value", entry.value},
                            {"staff", entry.staff_email},
                            {"at_ms", entry.at_ms}});
    json["activity"] = std::move(activity);
    return json;
}

nlohmann::json insights_json(const FeedbackInsights& insights) {
    auto articles = nlohmann::json::array();
    for (const auto& article : insights.articles)
        articles.push_back({{"article_id", article.article_id},
                            {"helpful", article.helpful},
                            {"not_helpful", article.not_helpful}});
    auto per_day = nlohmann::json::array();
    for (const auto& day : insights.per_day)
        per_day.push_back(
            {{"day_start_ms", day.day_start_ms}, {"total", day.total}, {"negative", day.negative}});
    auto pages = nlohmann::json::array();
    for (const auto& page : insights.negative_pages)
        pages.push_back({{"page_url", page.page_url}, {"negative", page.negative}, {"total", page.total}});
    auto searches = nlohmann::json::array();
    for (const auto& search : insights.unanswered_searches)
        searches.push_back({{"query", search.query},
                            {"count", search.count},
                            {"last_received_at_ms", search.last_received_at_ms}});
    auto guides = nlohmann::json::array();
    for (const auto& guide : insights.guides) {
        auto steps = nlohmann::json::array();
        for (const auto& step : guide.steps)
            steps.push_back(
                {{"step_number", step.step_number}, {"step", step.step}, {"abandoned", step.abandoned}});
        guides.push_back({{"guide_id", guide.guide_id},
                          {"completed", guide.completed},
                          {"abandoned", guide.abandoned},
                          {"steps", std::move(steps)}});
    }
    return {{"total", insights.total},
            {"articles", std::move(articles)},
            {"per_day", std::move(per_day)},
            {"negative_pages", std::move(pages)},
            {"unanswered_searches", std::move(searches)},
            {"guides", std::move(guides)}};
}

} // namespace support::server
