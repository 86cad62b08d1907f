#pragma once
// POST /api/v1/sites/{site}/shopper/forget {"shopper_key": "…"}: SupportWidget('forget') asks for
// what one browser gave to be deleted — its feedback (with staff's tags and notes on it) and its
// conversations — and is answered once that is durable:
//
//   200 {"feedback_deleted": 2, "conversations_deleted": 1}   (0 and 0 when there was nothing)
//
// The key is a random UUID only that browser knows (protocol/shopper_key.h); rows are found by its
// digest. CORS from the site's allowed origins, like feedback. Refusals: 400 api.forget.invalid_json,
// missing_field, invalid_shopper_key; 405 api.forget.method_not_allowed; 413 api.forget.too_large;
// 415 api.forget.not_json; 429 with Retry-After; 503 storage.write_failed.

#include "server/content/site_settings.h"
#include "server/http/reply.h"
#include "server/http/service_clocks.h"
#include "server/http/worker_pool.h"
#include "server/middleware/rate_limit.h"
#include "server/storage/storage.h"

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace support::server {

// What a browser's shopper key is stored and found as: its SHA-256 digest ("" for no key, which
// matches nothing). The key itself is never stored.
std::string shopper_digest(std::string_view shopper_key);

class ShopperErasureApi {
  public:
    // `workers` runs the deletion off the connection's thread (inline when null, as in tests).
    ShopperErasureApi(std::shared_ptr<Storage> storage,
                      std::map<std::string, SiteSettings, std::less<>> sites,
                      std::shared_ptr<WorkerPool> workers = nullptr,
                      RateLimit per_client_ip = {.burst = 10, .per_minute = 10},
                      ServiceClocks clocks = system_clocks());

    Reply serve(const HttpRequest& request) const;

  private:
    HttpResponse forget(const std::string& site, const std::string& shopper_key) const;

    std::shared_ptr<Storage> m_storage;
    std::map<std::string, SiteSettings, std::less<>> m_sites;
    std::shared_ptr<WorkerPool> m_workers;
    ServiceClocks m_clocks;
    mutable RateLimiter m_per_client_ip;
};

} // namespace support::server
