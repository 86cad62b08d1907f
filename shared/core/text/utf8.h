#pragma once
// UTF-8 decoding and encoding for the text code in shared/core. Decoding never fails: a byte that
// does not start a well-formed sequence (overlong, surrogate, truncated, > U+10FFFF) decodes as
// U+FFFD with length 1, so callers can walk any input and keep exact byte offsets.

#include <cstdint>
#include <string>
#include <string_view>

namespace support::text {

inline constexpr char32_t k_replacement_character = 0xFFFD;

struct DecodedCodePoint {
    char32_t value = 0;
    std::uint32_t length = 0; // bytes consumed, 1–4
};

// Decodes the code point starting at byte `offset` (< text.size()).
DecodedCodePoint decode_utf8(std::string_view text, std::size_t offset);

void append_utf8(std::string& out, char32_t code_point);

bool is_valid_utf8(std::string_view text);

// The longest prefix of `text` no longer than `max_bytes` that does not split a sequence.
std::string_view truncate_utf8(std::string_view text, std::size_t max_bytes);

} // namespace support::text
