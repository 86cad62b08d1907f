#pragma once
// ASCII white space at the edges of what people type or paste (space, tab, CR, LF, FF, VT), written
// once for every place that trims or tests for it.

#include <string_view>

namespace support::text {

inline constexpr std::string_view k_ascii_white_space = " \t\r\n\f\v";

// `text` without white space at either end ("" when it is all white space).
std::string_view trim_white_space(std::string_view text);

// Empty or only white space.
bool is_blank(std::string_view text);

} // namespace support::text
