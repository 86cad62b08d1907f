#pragma once
// CORS for the endpoints a store page calls with a shopper's data (feedback, chat): only pages on
// the site's allowed_origins (site.json) may call them, and the page's own origin is echoed in
// Access-Control-Allow-Origin (with Vary: Origin), never "*". A request without Origin (not from a
// browser page) or from the server's own origin needs no list.
//
//   SiteCrossOrigin cors(request, site_settings);
//   if (auto refused = cors.refusal()) return *refused;             // 403 api.cors.origin_not_allowed
//   if (request.method == "OPTIONS") return cors.preflight("POST", "Content-Type");
//   return std::move(reply).then(cors.allow());

#include "server/content/site_settings.h"
#include "server/http/reply.h"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace support::server {

class SiteCrossOrigin {
  public:
    SiteCrossOrigin(const HttpRequest& request, const SiteSettings& site);

    // The 403 for a page whose origin the site does not allow; nothing when it may call.
    std::optional<HttpResponse> refusal() const;
    // The answer to a preflight (OPTIONS): 204, the methods and request headers allowed, cached by
    // the browser for ten minutes.
    HttpResponse preflight(std::string_view methods, std::string_view headers) const;
    // A step that lets the page read the response (nothing for a request not from a page).
    Reply::Step allow() const;

  private:
    std::string m_origin; // empty: not from a browser page
    bool m_allowed = true;
};

using SitesByName = std::map<std::string, SiteSettings, std::less<>>;

// A store page's request to a site's endpoint: the site its path names and the CORS rules it is
// answered under.
struct SiteRequest {
    std::string site;
    SiteCrossOrigin cors;
};

// The site the request's path names (/api/v1/sites/{site}/…) and its CORS rules, or the refusal:
// 404 api.site.not_found, 403 api.cors.origin_not_allowed.
std::variant<SiteRequest, HttpResponse> site_request(const HttpRequest& request, const SitesByName& sites);

} // namespace support::server
