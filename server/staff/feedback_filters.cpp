#include "server/staff/feedback_filters.h"

#include "shared/core/calendar/civil_date.h"
#include "shared/core/protocol/url_encoding.h"
#include "shared/core/text/utf8.h"

#include <charconv>
#include <limits>
#include <map>
#include <string>

namespace support::server {

namespace {

constexpr std::int64_t k_day_ms = 86'400'000;
constexpr std::size_t k_max_value_bytes = 2048;

Error bad_filter(std::string_view name, std::string message) {
    return make_error("api.staff.bad_filter", std::move(message), std::string(name));
}

// Every parameter of the target's query string, decoded; the first of a repeated name wins.
Result<std::map<std::string, std::string, std::less<>>> query_parameters(std::string_view target) {
    std::map<std::string, std::string, std::less<>> parameters;
    const auto question = target.find('?');
    if (question == std::string_view::npos)
        return parameters;
    std::string_view query = target.substr(question + 1);
    query = query.substr(0, query.find('#'));
    while (!query.empty()) {
        const auto end = query.find('&');
        const std::string_view pair = query.substr(0, end);
        query = end == std::string_view::npos ? std::string_view() : query.substr(end + 1);
        if (pair.empty())
            continue;
        const auto equals = pair.find('=');
        const auto name = protocol::decode_percent_escapes(pair.substr(0, equals), protocol::PlusIs::Space);
        if (!name)
            return bad_filter("", "a parameter name has a malformed %-escape");
        const auto value = protocol::decode_percent_escapes(
            equals == std::string_view::npos ? std::string_view() : pair.substr(equals + 1),
            protocol::PlusIs::Space);
        if (!value)
            return bad_filter(*name, "the value has a malformed %-escape");
        if (value->size() > k_max_value_bytes)
            return bad_filter(*name, "the value is longer than 2048 bytes");
        if (!text::is_valid_utf8(*value))
            return bad_filter(*name, "the value is not UTF-8");
        parameters.try_emplace(*name, *value);
    }
    return parameters;
}

class Parameters {
  public:
    explicit Parameters(std::map<std::string, std::string, std::less<>> values)
        : m_values(std::move(values)) {}

    // The value, or "" when absent.
    std::string_view text(std::string_view name) const {
        const auto found = m_values.find(name);
        return found == m_values.end() ? std::string_view() : std::string_view(found->second);
    }

    Result<std::optional<std::int64_t>> whole_number(std::string_view name, std::int64_t min,
                                                     std::int64_t max) const {
        const std::string_view value = text(name);
        if (value.empty())
            return std::optional<std::int64_t>();
        std::int64_t number = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (error != std::errc() || end != value.data() + value.size() || number < min || number > max)
            return bad_filter(name, "expected a whole number from " + std::to_string(min) + " to " +
                                        std::to_string(max));
        return std::optional(number);
    }

    // The first millisecond of the named day, or of the day after it (`day_after`).
    Result<std::optional<std::int64_t>> day_ms(std::string_view name, bool day_after) const {
        const std::string_view value = text(name);
        if (value.empty())
            return std::optional<std::int64_t>();
        const auto day = calendar::parse_iso_day(value);
        if (!day)
            return bad_filter(name, "expected a date as YYYY-MM-DD");
        return std::optional((*day + (day_after ? 1 : 0)) * k_day_ms);
    }

  private:
    std::map<std::string, std::string, std::less<>> m_values;
};

Result<void> read_time_range(const Parameters& parameters, std::optional<std::int64_t>& from_ms,
                             std::optional<std::int64_t>& before_ms) {
    SW_TRY(from_ms, parameters.day_ms("from", false));
    SW_TRY(before_ms, parameters.day_ms("to", true));
    if (from_ms && before_ms && *before_ms <= *from_ms)
        return bad_filter("to", "\"to\" is before \"from\"");
    return ok();
}

} // namespace

Result<FeedbackQuery> parse_feedback_filters(std::string_view target) {
    SW_TRY(auto values, query_parameters(target));
    const Parameters parameters(std::move(values));
    FeedbackQuery query;
    query.site = parameters.text("site");
    if (const auto kind = parameters.text("kind"); !kind.empty()) {
        query.kind = protocol::parse_feedback_kind(kind);
        if (!query.kind)
            return bad_filter(
                "kind", "expected article_helpful, page, guide, search_miss, problem_report or chat_csat");
    }
    query.subject = parameters.text("subject");
    query.page_url = parameters.text("page");
    if (const auto helpful = parameters.text("helpful"); !helpful.empty()) {
        if (helpful == "yes" || helpful == "true")
            query.helpful = true;
        else if (helpful == "no" || helpful == "false")
            query.helpful = false;
        else
            return bad_filter("helpful", "expected yes or no");
    }
    if (const auto status = parameters.text("status"); !status.empty()) {
        query.status = parse_feedback_status(status);
        if (!query.status)
            return bad_filter("status", "expected new, in_progress or resolved");
    }
    query.tag = parameters.text("tag");
    query.text = parameters.text("q");
    SW_TRY_VOID(read_time_range(parameters, query.received_from_ms, query.received_before_ms));
    if (const auto sort = parameters.text("sort"); sort == "oldest")
        query.order = FeedbackOrder::OldestFirst;
    else if (!sort.empty() && sort != "newest")
        return bad_filter("sort", "expected newest or oldest");
    SW_TRY(query.after_id, parameters.whole_number("after", 1, std::numeric_limits<std::int64_t>::max()));
    SW_TRY(query.up_to_id, parameters.whole_number("up_to", 1, std::numeric_limits<std::int64_t>::max()));
    SW_TRY(auto offset, parameters.whole_number("offset", 0, k_max_list_offset));
    query.offset = static_cast<std::size_t>(offset.value_or(0));
    if (query.offset > 0 && query.after_id)
        return bad_filter("offset", "use either \"after\" or \"offset\", not both");
    SW_TRY(auto limit, parameters.whole_number("limit", 1, static_cast<std::int64_t>(k_max_list_limit)));
    query.limit = static_cast<std::size_t>(limit.value_or(50));
    return query;
}

Result<InsightsQuery> parse_insights_filters(std::string_view target) {
    SW_TRY(auto values, query_parameters(target));
    const Parameters parameters(std::move(values));
    InsightsQuery query;
    query.site = parameters.text("site");
    SW_TRY_VOID(read_time_range(parameters, query.received_from_ms, query.received_before_ms));
    SW_TRY(auto top, parameters.whole_number("top", 1, 100));
    query.top = static_cast<std::size_t>(top.value_or(20));
    return query;
}

} // namespace support::server
