#pragma once
// A site's settings, in site.json beside its help content (DIR/site.json, DIR being the folder
// given to --site NAME=DIR):
//
//   {
//     "allowed_origins": ["https://shop.example", "https://www.shop.example", "http://127.0.0.1:*"],
//     "identity_secret": "a long random text only the store's server and this file know"
//   }
//
// allowed_origins: the store pages (scheme://host[:port], no path) that may send feedback from the
// shopper's browser. The feedback API answers CORS from this list, echoing the page's origin, never
// "*". A port of "*" allows any port of that host (for a store developed on localhost). Without
// site.json, or with an empty list, only pages served by support-server itself may send.
//
// identity_secret: the key of the HMAC-SHA256 a store's server signs a shopper's id with, for
// SupportWidget('identify', {id, …, hash}) (content/shopper_identity_check.h). At least 16 bytes;
// without it every identity is shown to staff as unverified. support-server never serves site.json.
//
// Problems are reported like content problems (file "site.json", a JSON pointer, a stable code):
// site.settings.invalid_json, site.settings.not_an_object, site.settings.wrong_type,
// site.settings.bad_origin, site.settings.weak_secret (errors: the setting is ignored) and
// site.settings.unknown_field
// (a warning).

#include "shared/core/content/article_loader.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::server {

inline constexpr std::string_view k_site_settings_file = "site.json";
inline constexpr std::size_t k_min_identity_secret_bytes = 16;

struct AllowedOrigin {
    std::string scheme; // "http" or "https"
    std::string host;   // lowercase; "[::1]" for IPv6
    std::string port;   // digits, "*" for any, empty for the scheme's default
};

struct SiteSettings {
    std::vector<AllowedOrigin> allowed_origins;
    std::string identity_secret; // "" when the site verifies no identities

    // True when a browser's Origin header value names an allowed store page.
    bool allows_origin(std::string_view origin) const;
};

struct LoadedSiteSettings {
    SiteSettings settings;
    std::vector<content::ContentProblem> problems;
};

// Parses site.json's text; what has errors is left out of the settings.
LoadedSiteSettings parse_site_settings(std::string_view text);

// DIR/site.json when present (defaults otherwise); an unreadable file is site.settings.unreadable.
LoadedSiteSettings load_site_settings(const std::filesystem::path& directory);

// "https://Shop.Example:8443" → {"https", "shop.example", "8443"}; nothing when it is not an
// origin (a path, a query, credentials, another scheme). `allow_any_port` admits ":*".
std::optional<AllowedOrigin> parse_origin(std::string_view text, bool allow_any_port);

} // namespace support::server
