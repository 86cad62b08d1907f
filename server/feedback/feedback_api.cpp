#include "server/feedback/feedback_api.h"

#include "server/content/shopper_identity_check.h"
#include "server/http/client_address.h"
#include "server/http/json_error.h"
#include "server/middleware/site_cross_origin.h"
#include "server/privacy/shopper_erasure_api.h"
#include "shared/core/context/secrets_in_messages.h"
#include "shared/core/protocol/api_paths.h"
#include "shared/core/protocol/feedback_receipt.h"
#include "shared/core/protocol/feedback_submission.h"

namespace support::server {

namespace {

constexpr const char* k_storage_retry_after_seconds = "2";

HttpResponse receipt_response(unsigned status, const protocol::FeedbackReceipt& receipt) {
    return json_response(status, protocol::encode_feedback_receipt(receipt));
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

FeedbackApi::FeedbackApi(std::shared_ptr<Storage> storage,
                         std::map<std::string, SiteSettings, std::less<>> sites, FeedbackLimits limits,
                         ServiceClocks clocks)
    : m_storage(std::move(storage)), m_sites(std::move(sites)), m_clocks(std::move(clocks)),
      m_per_client_ip(limits.per_client_ip, m_clocks.monotonic_ms),
      m_per_site(limits.per_site, m_clocks.monotonic_ms) {}

Reply FeedbackApi::serve(const HttpRequest& request) const {
    auto found = site_request(request, m_sites);
    if (auto* refused = std::get_if<HttpResponse>(&found))
        return std::move(*refused);
    const auto& [site_name, cors] = std::get<SiteRequest>(found);
    const auto allow_origin = cors.allow();
    if (request.method == "OPTIONS")
        return cors.preflight("POST", "Content-Type");
    if (request.method != "POST") {
        auto refused = error_response(
            405, make_error("api.feedback.method_not_allowed", "feedback is sent with POST", "method"));
        refused.set_header("Allow", "POST, OPTIONS");
        allow_origin(refused);
        return refused;
    }

    Reply reply = [&]() -> Reply {
        if (auto wait = m_per_client_ip.take(address_block(request.remote_address)))
            return rate_limited_response(*wait);
        if (auto wait = m_per_site.take(site_name))
            return rate_limited_response(*wait);
        if (!has_json_body(request))
            return error_response(415, make_error("api.feedback.not_json",
                                                  "send the feedback as Content-Type: application/json",
                                                  "Content-Type"));
        if (request.body.size() > k_max_feedback_body_bytes)
            return error_response(
                413, make_error("api.feedback.too_large", "a feedback body may be at most 16 KB", "body"));
        auto submission = protocol::decode_feedback_submission(request.body);
        if (!submission)
            return error_response(400, submission.error());
        context::mask_secrets_in(*submission); // card numbers, IBANs, passwords: never stored
        const auto settings = m_sites.find(site_name);
        check_shopper_identity(submission->context,
                               settings == m_sites.end() ? "" : settings->second.identity_secret);

        // The key stays with the shopper; its digest finds their rows when they ask to be forgotten.
        std::string digest = shopper_digest(submission->shopper_key);
        submission->shopper_key.clear();
        NewFeedback feedback{site_name, std::move(*submission), m_clocks.wall_ms(), std::move(digest)};
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
