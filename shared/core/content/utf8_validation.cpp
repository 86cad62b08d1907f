#include "shared/core/content/utf8_validation.h"

#include "shared/core/text/utf8.h"

namespace support::content {

namespace {

bool is_continuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

} // namespace

std::optional<Utf8Position> find_invalid_utf8(std::string_view text) {
    Utf8Position position;
    std::size_t i = 0;
    while (i < text.size()) {
        const support::text::DecodedCodePoint decoded = support::text::decode_utf8(text, i);
        if (decoded.value == support::text::k_replacement_character && decoded.length == 1) {
            position.offset = i;
            return position;
        }
        if (text[i] == '\n') {
            ++position.line;
            position.column = 1;
        } else {
            ++position.column;
        }
        i += decoded.length;
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
