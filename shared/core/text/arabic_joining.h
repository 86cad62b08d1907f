#pragma once
// Arabic joining for a renderer without OpenType shaping: each letter becomes its isolated,
// final, initial or medial presentation form (Unicode's Arabic Presentation Forms A and B) by the
// joining types of its neighbours (ArabicShaping.txt), and lam followed by alef becomes one
// lam-alef ligature. Marks between letters do not break joining; ZWNJ separates letters
// (Persian "می‌خواهم") and ZWJ and tatweel join them. Works on logical order, before reordering.

#include <string>
#include <string_view>

namespace support::text {

// Held by the position of an alef that a lam-alef ligature at the position before it absorbed,
// so the shaped text keeps one element per input code point (the levels and offsets of the
// paragraph still line up). A noncharacter: never in real text; draw nothing for it.
inline constexpr char32_t k_ligature_continuation = 0xFDD0;

// Same length as `logical`; letters without presentation forms and all other text unchanged.
std::u32string shape_arabic(std::u32string_view logical);

// Whether `text` has anything shape_arabic would change (letters with joining forms).
bool needs_arabic_shaping(std::u32string_view text);

} // namespace support::text
