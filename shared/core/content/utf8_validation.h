#pragma once
// Strict UTF-8 validation for text that came from outside (site owners' files): overlong forms,
// UTF-16 surrogates and code points above U+10FFFF are all invalid, as RFC 3629 says.

#include <cstddef>
#include <optional>
#include <string_view>

namespace support::content {

struct Utf8Position {
    std::size_t offset = 0; // byte offset of the first byte of the bad sequence
    std::size_t line = 1;   // 1-based, counting '\n'
    std::size_t column = 1; // 1-based, in characters (code points) from the start of the line
};

// Where the first invalid sequence starts, or nothing when the whole text is valid UTF-8.
std::optional<Utf8Position> find_invalid_utf8(std::string_view text);

// The number of code points in valid UTF-8 text (continuation bytes are not counted).
std::size_t count_code_points(std::string_view text);

} // namespace support::content
