#pragma once
// A JSON number as the context carries it (text): an integer as written, a fraction with two
// decimals ("239.8" → "239.80", as prices are shown); not a finite number → nullopt. One rule for the
// page's JSON-LD and the site's setContext.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>

namespace support::context {

std::optional<std::string> number_as_text(const nlohmann::json& value);

} // namespace support::context
