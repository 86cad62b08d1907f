#include "server/privacy/shopper_erasure_api.h"

#include "server/http/client_address.h"
#include "server/http/json_error.h"
#include "server/middleware/site_cross_origin.h"
#include "server/staff/session_token.h"
#include "shared/core/protocol/shopper_key.h"

namespace support::server {

namespace {

constexpr std::size_t k_max_forget_body_bytes = 1024;

} // namespace

std::string shopper_digest(std::string_view shopper_key) {
    return shopper_key.empty() ? std::string() : token_digest(shopper_key);
}

ShopperErasureApi::ShopperErasureApi(std::shared_ptr<Storage> storage,
                                     std::map<std::string, SiteSettings, std::less<>> sites,
                                     std::shared_ptr<WorkerPool> workers, RateLimit per_client_ip,
                                     ServiceClocks clocks)
    : m_storage(std::move(storage)), m_sites(std::move(sites)), m_workers(std::move(workers)),
      m_clocks(std::move(clocks)), m_per_client_ip(per_client_ip, m_clocks.monotonic_ms) {}

Reply ShopperErasureApi::serve(const HttpRequest& request) const {
    auto found = site_request(request, m_sites);
    if (auto* refused = std::get_if<HttpResponse>(&found))
        return std::move(*refused);
    const auto& [site_name, cors] = std::get<SiteRequest>(found);
    if (request.method == "OPTIONS")
        return cors.preflight("POST", "Content-Type");
    Reply reply = [&]() -> Reply {
        if (request.method != "POST") {
            auto refused = error_response(
                405, make_error("api.forget.method_not_allowed", "forgetting is asked with POST", "method"));
            refused.set_header("Allow", "POST, OPTIONS");
            return refused;
        }
        if (auto wait = m_per_client_ip.take(address_block(request.remote_address)))
            return rate_limited_response(*wait);
        if (!has_json_body(request))
            return error_response(415,
                                  make_error("api.forget.not_json",
                                             "send it as Content-Type: application/json", "Content-Type"));
        if (request.body.size() > k_max_forget_body_bytes)
            return error_response(413,
                                  make_error("api.forget.too_large", "the body may be at most 1 KB", "body"));
        auto key = protocol::decode_forget_request(request.body);
        if (!key)
            return error_response(400, key.error());
        if (!m_workers)
            return forget(site_name, *key);
        return m_workers->run(
            [this, site = site_name, shopper_key = *key] { return forget(site, shopper_key); });
    }();
    return std::move(reply).then(cors.allow());
}

HttpResponse ShopperErasureApi::forget(const std::string& site, const std::string& shopper_key) const {
    auto erased = m_storage->forget_shopper(site, shopper_digest(shopper_key), m_clocks.wall_ms());
    if (!erased)
        return error_response(503, make_error("storage.write_failed", erased.error().message));
    HttpResponse response = json_response(200, protocol::encode_shopper_erasure(*erased));
    response.set_header("Cache-Control", "no-store");
    return response;
}

} // namespace support::server
