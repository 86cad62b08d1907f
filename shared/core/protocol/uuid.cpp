#include "shared/core/protocol/uuid.h"

namespace support::protocol {

namespace {

constexpr char k_hex_digits[] = "0123456789abcdef";

bool is_dash_position(std::size_t i) {
    return i == 8 || i == 13 || i == 18 || i == 23;
}

// Not std::isxdigit: that one depends on the C locale.
bool is_hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

char to_lower_ascii(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

std::string format_uuid_v4(std::array<std::uint8_t, 16> random_bytes) {
    random_bytes[6] = static_cast<std::uint8_t>((random_bytes[6] & 0x0F) | 0x40); // version 4
    random_bytes[8] = static_cast<std::uint8_t>((random_bytes[8] & 0x3F) | 0x80); // variant 10
    std::string text;
    text.reserve(k_uuid_length);
    for (std::size_t i = 0; i < random_bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text += '-';
        text += k_hex_digits[random_bytes[i] >> 4];
        text += k_hex_digits[random_bytes[i] & 0x0F];
    }
    return text;
}

bool is_uuid(std::string_view text) {
    if (text.size() != k_uuid_length)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (is_dash_position(i) ? text[i] != '-' : !is_hex_digit(text[i]))
            return false;
    }
    return true;
}

std::optional<std::string> canonical_uuid(std::string_view text) {
    if (!is_uuid(text))
        return std::nullopt;
    std::string lower(text);
    for (char& c : lower)
        c = to_lower_ascii(c);
    return lower;
}

} // namespace support::protocol
