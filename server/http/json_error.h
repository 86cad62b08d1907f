#pragma once
// Errors sent to HTTP clients as a small JSON body carrying the same stable id as our logs:
//   {"error":{"code":"server.static.not_found","message":"…","field":"path"}}

#include "server/http/http_message.h"
#include "shared/core/result.h"

#include <optional>
#include <string>
#include <string_view>

namespace support::server {

// The string as a JSON string literal, quotes included, with control characters escaped.
std::string json_quote(std::string_view text);

// {"error":{"code":…,"message":…,"field":…}}; "field" is left out when the error names none.
std::string error_json(const Error& error);

// A JSON answer that is never cached: application/json, Cache-Control: no-store.
HttpResponse json_response(unsigned status, std::string body);

// A response with the given status and error_json() body as application/json, never cached.
HttpResponse error_response(unsigned status, const Error& error);

// For read-only resources: a 405 with `Allow: GET, HEAD` and the error id `code` when the request
// is neither GET nor HEAD; nothing when it is.
std::optional<HttpResponse> reject_unless_get_or_head(const HttpRequest& request, std::string code);

} // namespace support::server
