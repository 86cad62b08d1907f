#pragma once
// The value of one hexadecimal digit, for percent-decoding and colour parsing alike.

#include <optional>

namespace support {

constexpr std::optional<int> hex_digit_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return std::nullopt;
}

} // namespace support
