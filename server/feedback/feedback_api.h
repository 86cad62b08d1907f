#pragma once
// POST /api/v1/sites/{site}/feedback: what a shopper tells us, stored durably before it is
// acknowledged (shared/core/protocol/feedback_submission.h has the body).
//
//   201 {"client_id":…,"feedback_id":…,"received_at_ms":…,"duplicate":false}   stored
//   200 the same receipt with "duplicate":true                                  the client id again
//   400 api.feedback.* naming the JSON pointer at fault (wrong type, invalid UTF-8, too long, …)
//   403 api.cors.origin_not_allowed   the page's Origin is not in the site's allowed_origins
//   404 api.site.not_found            no such site
//   405 api.feedback.method_not_allowed (Allow: POST, OPTIONS)
//   409 api.feedback.client_id_reused the client id was stored before with other content
//   413 api.feedback.too_large        a body over 16 KB
//   415 api.feedback.not_json         Content-Type is not application/json
//   429 api.rate_limited              with Retry-After (seconds); per client IP and per site
//   503 storage.write_failed          with Retry-After: the write could not be made durable
// Errors are {"error":{"code","message","field"}}. The answer waits for the storage's commit (a
// pending Reply), holding no thread.
//
// CORS: a preflight (OPTIONS) or POST from an origin in the site's site.json allowed_origins is
// answered with that origin in Access-Control-Allow-Origin (and Vary: Origin), never "*". A
// request without Origin (not from a browser page) or from the server's own origin needs no list.

#include "server/content/site_settings.h"
#include "server/http/reply.h"
#include "server/http/service_clocks.h"
#include "server/middleware/rate_limit.h"
#include "server/storage/storage.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

namespace support::server {

inline constexpr std::size_t k_max_feedback_body_bytes = 16 * 1024;

struct FeedbackLimits {
    RateLimit per_client_ip{.burst = 60, .per_minute = 60};
    RateLimit per_site{.burst = 6'000, .per_minute = 60'000};
};

class FeedbackApi {
  public:
    // `sites`: every site that accepts feedback, by name, with its settings.
    FeedbackApi(std::shared_ptr<Storage> storage, std::map<std::string, SiteSettings, std::less<>> sites,
                FeedbackLimits limits = {}, ServiceClocks clocks = system_clocks());

    Reply serve(const HttpRequest& request) const;

  private:
    std::shared_ptr<Storage> m_storage;
    std::map<std::string, SiteSettings, std::less<>> m_sites;
    ServiceClocks m_clocks;
    mutable RateLimiter m_per_client_ip;
    mutable RateLimiter m_per_site;
};

} // namespace support::server
