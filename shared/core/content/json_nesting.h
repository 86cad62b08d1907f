#pragma once
// How deeply a JSON text nests arrays and objects, found by a flat scan before any parser sees
// it, so that input nested 100,000 levels deep is refused without recursion or a huge parse.

#include <cstddef>
#include <string_view>

namespace support::content {

// The deepest nesting of '[' and '{' outside strings (escapes inside strings respected). Stops
// scanning and returns limit + 1 as soon as the depth exceeds `limit`. Malformed JSON gets a
// number too; the parser reports what is wrong with it.
std::size_t json_nesting_depth(std::string_view json, std::size_t limit);

} // namespace support::content
