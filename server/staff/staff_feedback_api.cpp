#include "server/staff/staff_feedback_api.h"

#include "server/http/json_error.h"
#include "server/staff/feedback_csv.h"
#include "server/staff/feedback_filters.h"
#include "server/staff/staff_feedback_json.h"
#include "server/staff/triage_values.h"
#include "shared/core/calendar/civil_date.h"
#include "shared/core/protocol/url_encoding.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace support::server {

namespace {

constexpr std::size_t k_max_triage_body = 16 * 1024;
constexpr std::size_t k_export_page = 1000;

HttpResponse no_store(HttpResponse response) {
    response.set_header("Cache-Control", "no-store");
    return response;
}

HttpResponse refuse(unsigned status, const Error& error) {
    auto response = no_store(error_response(status, error));
    if (status == 503)
        response.set_header("Retry-After", "2");
    return response;
}

HttpResponse refuse(unsigned status, std::string code, std::string message, std::string field = {}) {
    return refuse(status, make_error(std::move(code), std::move(message), std::move(field)));
}

HttpResponse storage_failed(const Error& error) {
    return refuse(503, make_error(error.code.starts_with("storage.") ? error.code : "storage.read_failed",
                                  "the store could not be read or written; try again shortly"));
}

HttpResponse json_response(const nlohmann::json& body) {
    HttpResponse response;
    response.set_header("Content-Type", "application/json");
    response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return no_store(std::move(response));
}

HttpResponse method_not_allowed(std::string_view allow) {
    auto response = refuse(405, "api.staff.method_not_allowed", "use " + std::string(allow));
    response.set_header("Allow", std::string(allow));
    return response;
}

HttpResponse not_found(std::int64_t id) {
    return refuse(404, "api.staff.feedback_not_found", "there is no feedback " + std::to_string(id));
}

bool is_read(const HttpRequest& request) {
    return request.method == "GET" || request.method == "HEAD";
}

std::optional<std::int64_t> parse_id(std::string_view segment) {
    std::int64_t id = 0;
    const auto [end, error] = std::from_chars(segment.data(), segment.data() + segment.size(), id);
    if (error != std::errc() || end != segment.data() + segment.size() || id < 1)
        return std::nullopt;
    return id;
}

// The string field `name` of the request's JSON object body.
Result<std::string> body_string(const HttpRequest& request, std::string_view name) {
    if (request.body.size() > k_max_triage_body)
        return make_error("api.staff.too_large", "a request body is at most 16 KB");
    const std::string type = request.header("Content-Type");
    if (!type.starts_with("application/json"))
        return make_error("api.staff.not_json", "send application/json");
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return make_error("api.staff.bad_request", "the body must be a JSON object", "");
    const auto field = body.find(name);
    if (field == body.end() || !field->is_string())
        return make_error("api.staff.bad_request", "\"" + std::string(name) + "\" must be a string",
                          "/" + std::string(name));
    return field->get<std::string>();
}

unsigned status_for(const Error& error) {
    if (error.code == "api.staff.too_large")
        return 413;
    if (error.code == "api.staff.not_json")
        return 415;
    return 400;
}

} // namespace

StaffFeedbackApi::StaffFeedbackApi(std::shared_ptr<Storage> storage,
                                   std::shared_ptr<const StaffSessionApi> sessions,
                                   std::shared_ptr<WorkerPool> workers, std::function<std::int64_t()> wall_ms)
    : m_storage(std::move(storage)), m_sessions(std::move(sessions)), m_workers(std::move(workers)),
      m_wall_ms(std::move(wall_ms)) {}

Reply StaffFeedbackApi::serve(const HttpRequest& request) const {
    return m_workers->run([self = shared_from_this(), request] {
        const auto started = std::chrono::steady_clock::now();
        HttpResponse response = self->answer(request);
        // The time spent answering (not waiting for a worker), for the console's developer tools
        // and ./scripts/bench server.
        const std::chrono::duration<double, std::milli> spent = std::chrono::steady_clock::now() - started;
        char timing[48];
        std::snprintf(timing, sizeof timing, "app;dur=%.2f", spent.count());
        response.set_header("Server-Timing", timing);
        return response;
    });
}

HttpResponse StaffFeedbackApi::answer(const HttpRequest& request) const {
    auto session = m_sessions->require_session(request);
    if (auto* refused = std::get_if<HttpResponse>(&session))
        return std::move(*refused);
    const std::string_view path = protocol::target_path(request.target);
    if (path == k_staff_feedback_route || path == k_staff_feedback_csv_route ||
        path == k_staff_insights_route) {
        if (!is_read(request))
            return method_not_allowed("GET, HEAD");
        if (path == k_staff_insights_route)
            return insights(request);
        return path == k_staff_feedback_route ? list(request) : export_csv(request);
    }
    std::string_view rest = path.substr(std::min(path.size(), k_staff_feedback_route.size() + 1));
    const auto slash = rest.find('/');
    const auto id = parse_id(rest.substr(0, slash));
    if (!path.starts_with(std::string(k_staff_feedback_route) + "/") || !id)
        return refuse(404, "api.staff.not_found", "no such staff resource");
    return item(request, *id, slash == std::string_view::npos ? std::string_view() : rest.substr(slash),
                std::get<StaffSession>(session));
}

HttpResponse StaffFeedbackApi::list(const HttpRequest& request) const {
    auto query = parse_feedback_filters(request.target);
    if (!query)
        return refuse(400, query.error());
    auto page = m_storage->list_feedback(*query);
    if (!page)
        return storage_failed(page.error());
    auto body = feedback_page_json(*page);
    // count=yes: how many match and the newest id among them (for a table's height and up_to).
    if (protocol::query_parameter(request.target, "count") == "yes") {
        auto count = m_storage->count_matching_feedback(*query);
        if (!count)
            return storage_failed(count.error());
        body["total"] = count->total;
        body["newest_id"] = count->newest_id;
    }
    return json_response(body);
}

HttpResponse StaffFeedbackApi::export_csv(const HttpRequest& request) const {
    auto query = parse_feedback_filters(request.target);
    if (!query)
        return refuse(400, query.error());
    query->limit = k_export_page;
    query->after_id.reset();
    std::string csv = feedback_csv_header();
    std::size_t rows = 0;
    bool truncated = false;
    for (;;) {
        auto page = m_storage->list_feedback(*query);
        if (!page)
            return storage_failed(page.error());
        for (const auto& item : page->items) {
            if (rows == k_max_export_rows) {
                truncated = true;
                break;
            }
            csv += feedback_csv_row(item);
            ++rows;
        }
        if (truncated || !page->more)
            break;
        query->after_id = page->items.back().id;
    }
    HttpResponse response;
    response.set_header("Content-Type", "text/csv; charset=utf-8");
    response.set_header("Content-Disposition", "attachment; filename=\"feedback-" +
                                                   calendar::format_utc(m_wall_ms()).substr(0, 10) +
                                                   ".csv\"");
    response.set_header("X-Export-Rows", std::to_string(rows));
    if (truncated)
        response.set_header("X-Export-Truncated", "true");
    response.body = std::move(csv);
    return no_store(std::move(response));
}

HttpResponse StaffFeedbackApi::insights(const HttpRequest& request) const {
    auto query = parse_insights_filters(request.target);
    if (!query)
        return refuse(400, query.error());
    auto insights = m_storage->feedback_insights(*query);
    if (!insights)
        return storage_failed(insights.error());
    return json_response(insights_json(*insights));
}

HttpResponse StaffFeedbackApi::item(const HttpRequest& request, std::int64_t id, std::string_view rest,
                                    const StaffSession& session) const {
    if (rest.empty()) {
        if (!is_read(request))
            return method_not_allowed("GET, HEAD");
        auto detail = m_storage->find_feedback_detail(id);
        if (!detail)
            return storage_failed(detail.error());
        if (!*detail)
            return not_found(id);
        return json_response(feedback_detail_json(**detail));
    }
    constexpr std::string_view k_tag_prefix = "/tags/";
    if (rest.starts_with(k_tag_prefix)) {
        if (request.method != "DELETE")
            return method_not_allowed("DELETE");
        const auto decoded = protocol::decode_percent_escapes(rest.substr(k_tag_prefix.size()));
        if (!decoded)
            return refuse(400, "api.staff.bad_tag", "the tag has a malformed %-escape", "/tag");
        auto tag = normalize_tag(*decoded);
        if (!tag)
            return refuse(400, tag.error());
        return triage(id, TriageAction::RemoveTag, std::move(*tag), session);
    }
    struct BodyAction {
        std::string_view path;
        std::string_view field;
        TriageAction action;
    };
    constexpr BodyAction k_actions[] = {{"/status", "status", TriageAction::SetStatus},
                                        {"/tags", "tag", TriageAction::AddTag},
                                        {"/notes", "text", TriageAction::AddNote}};
    for (const auto& known : k_actions) {
        if (rest != known.path)
            continue;
        if (request.method != "POST")
            return method_not_allowed("POST");
        auto value = body_string(request, known.field);
        if (!value)
            return refuse(status_for(value.error()), value.error());
        Result<std::string> checked = *value;
        if (known.action == TriageAction::SetStatus) {
            auto status = check_status(*value);
            if (!status)
                return refuse(400, status.error());
            checked = std::string(feedback_status_name(*status));
        } else if (known.action == TriageAction::AddTag) {
            checked = normalize_tag(*value);
        } else {
            checked = check_note(*value);
        }
        if (!checked)
            return refuse(400, checked.error());
        return triage(id, known.action, std::move(*checked), session);
    }
    return refuse(404, "api.staff.not_found", "no such staff resource");
}

HttpResponse StaffFeedbackApi::triage(std::int64_t id, TriageAction action, std::string value,
                                      const StaffSession& session) const {
    auto outcome = m_storage->apply_triage({id, action, std::move(value), session.staff.email, m_wall_ms()});
    if (!outcome)
        return storage_failed(make_error("storage.write_failed", outcome.error().message));
    if (*outcome == TriageOutcome::NotFound)
        return not_found(id);
    auto detail = m_storage->find_feedback_detail(id);
    if (!detail)
        return storage_failed(detail.error());
    if (!*detail)
        return not_found(id);
    auto body = feedback_detail_json(**detail);
    body["changed"] = *outcome == TriageOutcome::Applied;
    return json_response(body);
}

} // namespace support::server
