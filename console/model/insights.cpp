#include "console/model/insights.h"

#include "console/model/feedback_item.h"

#include <nlohmann/json.hpp>

namespace support::console {

namespace {

using nlohmann::json;

std::int64_t number(const json& object, const char* name) {
    const auto field = object.find(name);
    return field != object.end() && field->is_number_integer() ? field->get<std::int64_t>() : 0;
}

std::string text(const json& object, const char* name) {
    const auto field = object.find(name);
    return field != object.end() && field->is_string() ? field->get<std::string>() : std::string();
}

// Each object of the array `name` (anything else is skipped).
template <typename Read> void each(const json& body, const char* name, Read&& read) {
    const auto field = body.find(name);
    if (field == body.end() || !field->is_array())
        return;
    for (const auto& entry : *field)
        if (entry.is_object())
            read(entry);
}

} // namespace

std::optional<InsightsFigures> parse_insights(const std::string& body_text) {
    const json body = json::parse(body_text, nullptr, false);
    if (!body.is_object() || !body.contains("total"))
        return std::nullopt;
    InsightsFigures out;
    out.total = number(body, "total");
    each(body, "articles", [&](const json& e) {
        out.articles.push_back({text(e, "article_id"), number(e, "helpful"), number(e, "not_helpful")});
    });
    each(body, "per_day", [&](const json& e) {
        out.days.push_back({number(e, "day_start_ms"), number(e, "total"), number(e, "negative")});
    });
    each(body, "negative_pages", [&](const json& e) {
        out.pages.push_back({text(e, "page_url"), number(e, "negative"), number(e, "total")});
    });
    each(body, "unanswered_searches", [&](const json& e) {
        out.searches.push_back({text(e, "query"), number(e, "count")});
    });
    each(body, "guides", [&](const json& e) {
        InsightsFigures::Guide guide{text(e, "guide_id"), number(e, "completed"), number(e, "abandoned"), {}};
        each(e, "steps", [&](const json& s) {
            guide.steps.push_back({number(s, "step_number"), text(s, "step"), number(s, "abandoned")});
        });
        out.guides.push_back(std::move(guide));
    });
    return out;
}

Insights::Insights(StaffTransport transport, std::function<void()> on_signed_out)
    : m_transport(std::move(transport)), m_on_signed_out(std::move(on_signed_out)) {}

void Insights::load(int days, std::int64_t now_ms) {
    m_days = days;
    m_loading = true;
    const std::uint64_t generation = ++m_generation;
    std::string url = "/api/v1/staff/insights?top=15";
    if (days > 0)
        url +=
            "&from=" + calendar::format_utc_minute(now_ms - static_cast<std::int64_t>(days - 1) * 86'400'000)
                           .substr(0, 10);
    m_transport({"GET", url, {}, {}}, [this, generation](StaffAnswer answer) {
        if (generation != m_generation)
            return;
        m_loading = false;
        if (answer.status == 401) {
            m_on_signed_out();
            return;
        }
        auto figures = answer.status == 200 ? parse_insights(answer.body) : std::nullopt;
        if (!figures) {
            m_error = failure_message(answer);
            return;
        }
        m_error.clear();
        m_figures = std::move(figures);
    });
}

} // namespace support::console
