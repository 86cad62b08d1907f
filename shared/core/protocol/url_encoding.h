#pragma once
// Percent-encoding as both ends of our HTTP API use it, written once: the widget encodes path
// segments and query values, the server decodes them.
//
//   "/api/v1/sites/" + encode_url_component("my shop")   → "/api/v1/sites/my%20shop"
//   query_parameter("/content?locale=pt-BR&x=1", "locale") → "pt-BR"

#include <optional>
#include <string>
#include <string_view>

namespace support::protocol {

// Every byte but RFC 3986's unreserved characters (A-Z a-z 0-9 - . _ ~) as %XX (uppercase hex),
// so the result is safe in a path segment and in a query value alike.
std::string encode_url_component(std::string_view text);

enum class PlusIs { Plus, Space };

// %XX escapes decoded to bytes (and '+' to a space for PlusIs::Space, as HTML forms encode query
// strings); nothing when an escape is malformed ("%zz", "%4"). The bytes are not checked as UTF-8.
std::optional<std::string> decode_percent_escapes(std::string_view text, PlusIs plus = PlusIs::Plus);

// The decoded value of the first query parameter called `name` in a request-target
// ("/a?locale=pt-BR&x=1"): "" for "?name" or "?name=", nothing when the parameter is absent or its
// value has a malformed escape. Query strings decode '+' as a space.
std::optional<std::string> query_parameter(std::string_view target, std::string_view name);

// The path of a request-target: everything before '?' or '#'.
std::string_view target_path(std::string_view target);

} // namespace support::protocol
