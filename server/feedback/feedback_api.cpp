#include "server/feedback/feedback_api.h"

#include "server/http/json_error.h"
#include "shared/core/protocol/api_paths.h"
#include "shared/core/protocol/feedback_receipt.h"
#include "shared/core/protocol/feedback_submission.h"

#include <chrono>

namespace support::server {

namespace {

constexpr const char* k_preflight_max_age_seconds = "600";
constexpr const char* k_storage_retry_after_seconds = "2";

bool is_json_media_type(std::string_view content_type) {
    return header_name_equals(trim_optional_whitespace(content_type.substr(0, content_type.find(';'))),
                              "application/json");
}

// The origin the request came through, as a browser would write it, from its Host header.
bool is_same_origin(const HttpRequest& request, std::string_view origin) {
    const std::string host = request.header("Host");
    return !host.empty() && (origin == "http://" + host || origin == "https://" + host);
}

HttpResponse too_many_requests(std::int64_t wait_ms) {
    auto response = error_response(429, make_error("api.rate_limited", "too many requests; try again later"));
    response.set_header("Retry-After", std::to_string(std::max<std::int64_t>(1, (wait_ms + 999) / 1000)));
    return response;
}

HttpResponse receipt_response(unsigned status, const protocol::FeedbackReceipt& receipt) {
    HttpResponse response;
    response.status = status;
    response.set_header("Content-Type", "application/json");
    response.set_header("Cache-Control", "no-store");
    response.body = protocol::encode_feedback_receipt(receipt);
    return response;
}

HttpResponse stored_response(const std::string& client_id, Result<FeedbackInsertResult> result) {
    if (!result) {
        auto response = error_response(
            503, make_error("storage.write_failed", "the feedback could not be stored; try again shortly"));
        response.set_header("Retry-After", k_storage_retry_after_seconds);
        return response;
    }
    const protocol::FeedbackReceipt receipt{client_id, result->feedback_id, result->received_at_ms,
                                            result->outcome == InsertOutcome::Duplicate};
    switch (result->outcome) {
    case InsertOutcome::Stored:
        return receipt_response(201, receipt);
    case InsertOutcome::Duplicate:
        return receipt_response(200, receipt);
    case InsertOutcome::Conflict:
        break;
    }
    return error_response(409, make_error("api.feedback.client_id_reused",
                                          "this client_id was sent before with other content; use a new id",
                                          "/client_id"));
}

} // namespace

FeedbackClocks system_feedback_clocks() {
    return FeedbackClocks{[] {
                              return std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::system_clock::now().time_since_epoch())
                                  .count();
                          },
                          [] {
                              return std::chrono::duration_cast<std::chrono::milliseconds>(
                                         std::chrono::steady_clock::now().time_since_epoch())
                                  .count();
                          }};
}

FeedbackApi::FeedbackApi(std::shared_ptr<Storage> storage,
                         std::map<std::string, SiteSettings, std::less<>> sites, FeedbackLimits limits,
                         FeedbackClocks clocks)
    : m_storage(std::move(storage)), m_sites(std::move(sites)), m_clocks(std::move(clocks)),
      m_per_client_ip(limits.per_client_ip, m_clocks.monotonic_ms),
      m_per_site(limits.per_site, m_clocks.monotonic_ms) {}

Reply FeedbackApi::serve(const HttpRequest& request) const {
    const std::string site_name = protocol::site_of_target(request.target).value_or("");
    const auto site = m_sites.find(site_name);
    if (site == m_sites.end())
        return error_response(404, make_error("api.site.not_found", "no such site", "site"));

    // Which page may read the answer: an allowed store origin is echoed, never "*".
    const std::string origin = request.header("Origin");
    const bool from_page = !origin.empty();
    if (from_page && !is_same_origin(request, origin) && !site->second.allows_origin(origin))
        return error_response(
            403, make_error("api.cors.origin_not_allowed",
                            "this page's origin is not in the site's allowed_origins (site.json)", "Origin"));
    auto allow_origin = [from_page, origin](HttpResponse& response) {
        if (!from_page)
            return;
        response.set_header("Access-Control-Allow-Origin", origin);
        response.set_header("Vary", "Origin");
    };

    if (request.method == "OPTIONS") {
        HttpResponse preflight;
        preflight.status = 204;
        preflight.set_header("Access-Control-Allow-Methods", "POST");
        preflight.set_header("Access-Control-Allow-Headers", "Content-Type");
        preflight.set_header("Access-Control-Max-Age", k_preflight_max_age_seconds);
        allow_origin(preflight);
        return preflight;
    }
    if (request.method != "POST") {
        auto refused = error_response(
            405, make_error("api.feedback.method_not_allowed", "feedback is sent with POST", "method"));
        refused.set_header("Allow", "POST, OPTIONS");
        allow_origin(refused);
        return refused;
    }

    Reply reply = [&]() -> Reply {
        if (auto wait = m_per_client_ip.take(request.remote_address))
            return too_many_requests(*wait);
        if (auto wait = m_per_site.take(site_name))
            return too_many_requests(*wait);
        if (!is_json_media_type(request.header("Content-Type")))
            return error_response(415, make_error("api.feedback.not_json",
                                                  "send the feedback as Content-Type: application/json",
                                                  "Content-Type"));
        if (request.body.size() > k_max_feedback_body_bytes)
            return error_response(
                413, make_error("api.feedback.too_large", "a feedback body may be at most 16 KB", "body"));
        auto submission = protocol::decode_feedback_submission(request.body);
        if (!submission)
            return error_response(400, submission.error());

        NewFeedback feedback{site_name, std::move(*submission), m_clocks.wall_ms()};
        const std::string client_id = feedback.submission.client_id;
        ResponsePromise promise;
        Reply stored = promise.reply();
        m_storage->insert_feedback(std::move(feedback),
                                   [promise, client_id](Result<FeedbackInsertResult> result) mutable {
                                       promise.fulfil(stored_response(client_id, std::move(result)));
                                   });
        return stored;
    }();
    return std::move(reply).then(allow_origin);
}

} // namespace support::server
