#pragma once
// Reading parameters from a request-target's query string ("/a?locale=pt-BR&x=1"), decoded as
// HTML forms encode them ('+' is a space, %XX a byte).

#include <optional>
#include <string>
#include <string_view>

namespace support::server {

// The decoded value of the first parameter called `name`; "" for "?name" or "?name=", nothing
// when the parameter is absent or its value has a malformed escape ("%zz", "%4").
std::optional<std::string> query_parameter(std::string_view target, std::string_view name);

} // namespace support::server
