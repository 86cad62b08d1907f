#pragma once
// The paths of support-server's HTTP API, spelled once for the widget that requests them and the
// server that routes them.
//
//   GET|HEAD /api/v1/sites/{site}/content?locale=…   help articles and guides (content_api.h)
//   POST     /api/v1/sites/{site}/feedback           what a shopper tells us (feedback_api.h)

#include <optional>
#include <string>
#include <string_view>

namespace support::protocol {

// Route patterns for the server's router: "{site}" matches one path segment.
inline constexpr std::string_view k_content_route = "/api/v1/sites/{site}/content";
inline constexpr std::string_view k_feedback_route = "/api/v1/sites/{site}/feedback";

// Request-targets for the widget, the site and locale percent-encoded:
// "/api/v1/sites/demo/content?locale=he".
std::string content_target(std::string_view site, std::string_view locale);
std::string feedback_target(std::string_view site);

// The site named by an API request-target ("/api/v1/sites/demo/feedback?x" → "demo"), decoded;
// nothing when the target is not under /api/v1/sites/ or the segment's escapes are malformed.
std::optional<std::string> site_of_target(std::string_view target);

} // namespace support::protocol
