#pragma once
// English stemming for search: the Snowball "english" (Porter2) algorithm, so that "returns",
// "returned" and "returning" all index as "return".

#include <string>
#include <string_view>

namespace support::text {

// `word` is lowercase ASCII letters (and apostrophes); anything else is returned unchanged.
std::string english_stem(std::string_view word);

} // namespace support::text
