#pragma once
// Lines of a resolved bidi paragraph in display order: rule L1 (separators and trailing white
// space back to the paragraph level), L2 (reversing runs from the highest level down) and L4
// (mirrored glyphs at right-to-left levels).

#include "shared/core/text/bidi_levels.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace support::text {

// L1 for the line [begin, end) of a paragraph: its levels, with segment and paragraph separators
// and the white space (and isolate and removed controls) before them or at the line's end set to
// the paragraph level.
std::vector<std::uint8_t> line_levels(std::span<const BidiClass> classes, const BidiParagraph& paragraph,
                                      std::size_t begin, std::size_t end);

// L2: the positions of `levels`, left to right as they are displayed.
std::vector<std::size_t> visual_order(std::span<const std::uint8_t> levels);

// L4: the glyph to draw for `code_point` at `level`.
char32_t displayed_code_point(char32_t code_point, std::uint8_t level);

} // namespace support::text
