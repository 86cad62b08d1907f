#include "shared/core/content/utf8_validation.h"

namespace support::content {

namespace {

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// The length of the valid sequence starting at `at`, or 0 when it is not valid.
std::size_t valid_sequence_length(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80)
        return 1;
    std::size_t length = 0;
    unsigned char second_min = 0x80;
    unsigned char second_max = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        if (lead == 0xE0)
            second_min = 0xA0; // overlong
        if (lead == 0xED)
            second_max = 0x9F; // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        if (lead == 0xF0)
            second_min = 0x90; // overlong
        if (lead == 0xF4)
            second_max = 0x8F; // above U+10FFFF
    } else {
        return 0; // C0, C1 (overlong) and F5..FF never start a sequence
    }
    if (at + length > text.size())
        return 0;
    if (byte(at + 1) < second_min || byte(at + 1) > second_max)
        return 0;
    for (std::size_t i = 2; i < length; ++i) {
        if (!is_continuation(byte(at + i)))
            return 0;
    }
    return length;
}

} // namespace

std::optional<Utf8Position> find_invalid_utf8(std::string_view text) {
    Utf8Position position;
    std::size_t i = 0;
    while (i < text.size()) {
        const std::size_t length = valid_sequence_length(text, i);
        if (length == 0) {
            position.offset = i;
            return position;
        }
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
        i += length;
    }
    return std::nullopt;
}

std::size_t count_code_points(std::string_view text) {
    std::size_t count = 0;
    for (char c : text)
        count += is_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
    return count;
}

} // namespace support::content
