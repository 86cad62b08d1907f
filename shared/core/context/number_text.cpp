#include "shared/core/context/number_text.h"

#include <cmath>
#include <cstdio>

namespace support::context {

std::optional<std::string> number_as_text(const nlohmann::json& value) {
    if (value.is_number_integer())
        return std::to_string(value.get<std::int64_t>());
    if (!value.is_number_float() || !std::isfinite(value.get<double>()))
        return std::nullopt;
    char buffer[40];
    std::snprintf(buffer, sizeof buffer, "%.2f", value.get<double>());
    return std::string(buffer);
}

} // namespace support::context
