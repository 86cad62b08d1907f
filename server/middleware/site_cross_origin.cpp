#include "server/middleware/site_cross_origin.h"

#include "server/http/json_error.h"
#include "shared/core/protocol/api_paths.h"

namespace support::server {

namespace {

constexpr const char* k_preflight_max_age_seconds = "600";

// The origin the request came through, as a browser would write it, from its Host header.
bool is_same_origin(const HttpRequest& request, std::string_view origin) {
    const std::string host = request.header("Host");
    return !host.empty() && (origin == "http://" + host || origin == "https://" + host);
}

} // namespace

SiteCrossOrigin::SiteCrossOrigin(const HttpRequest& request, const SiteSettings& site)
    : m_origin(request.header("Origin")) {
    m_allowed = m_origin.empty() || is_same_origin(request, m_origin) || site.allows_origin(m_origin);
}

std::optional<HttpResponse> SiteCrossOrigin::refusal() const {
    if (m_allowed)
        return std::nullopt;
    return error_response(
        403, make_error("api.cors.origin_not_allowed",
                        "this page's origin is not in the site's allowed_origins (site.json)", "Origin"));
}

HttpResponse SiteCrossOrigin::preflight(std::string_view methods, std::string_view headers) const {
    HttpResponse response;
    response.status = 204;
    response.set_header("Access-Control-Allow-Methods", std::string(methods));
    response.set_header("Access-Control-Allow-Headers", std::string(headers));
    response.set_header("Access-Control-Max-Age", k_preflight_max_age_seconds);
    allow()(response);
    return response;
}

Reply::Step SiteCrossOrigin::allow() const {
    return [origin = m_origin](HttpResponse& response) {
        if (origin.empty())
            return;
        response.set_header("Access-Control-Allow-Origin", origin);
        response.set_header("Vary", "Origin");
    };
}

std::variant<SiteRequest, HttpResponse> site_request(const HttpRequest& request, const SitesByName& sites) {
    std::string name = protocol::site_of_target(request.target).value_or("");
    const auto site = sites.find(name);
    if (site == sites.end())
        return error_response(404, make_error("api.site.not_found", "no such site", "site"));
    // Which page may read the answer: an allowed store origin is echoed, never "*".
    SiteCrossOrigin cors(request, site->second);
    if (auto refused = cors.refusal())
        return std::move(*refused);
    return SiteRequest{std::move(name), std::move(cors)};
}

} // namespace support::server
