#pragma once
// The Unicode Bidirectional Algorithm (UAX #9, Unicode 15), rules P2–P3, X1–X10, W1–W7, N0–N2 and
// I1–I2: the embedding level of every character of one paragraph. Reordering a line (L1, L2) is in
// bidi_reorder.h. Checked against BidiTest.txt and BidiCharacterTest.txt in the unit tests.
//
// One call handles one paragraph: split text at paragraph separators (class B: newline, U+2029)
// first and keep the separator as the paragraph's last character.

#include "shared/core/text/unicode_properties.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace support::text {

enum class TextDirection : std::uint8_t { Auto, LeftToRight, RightToLeft };

struct BidiParagraph {
    std::uint8_t paragraph_level = 0; // 0 left-to-right, 1 right-to-left
    // One level per character. Characters removed by rule X9 (embedding controls, BN) take the
    // level of the character before them, or the paragraph level at the start.
    std::vector<std::uint8_t> levels;
};

// Deepest embedding the algorithm allows (max_depth, BD2).
inline constexpr std::uint8_t k_max_bidi_depth = 125;

// Embedding controls and boundary neutrals, which rule X9 removes from the algorithm's view.
bool is_removed_by_x9(BidiClass bidi_class);

// `code_points` is either empty (no bracket pairs, as in BidiTest.txt) or one per class, and then
// the paired brackets of rule N0 are found in it.
// `auto_fallback`: the level Auto gives a paragraph without a strong letter (1: the UI reads right
// to left), so a caller need not find the first strong letter separately.
BidiParagraph resolve_bidi_levels(std::span<const BidiClass> classes, std::span<const char32_t> code_points,
                                  TextDirection direction, std::uint8_t auto_fallback = 0);

BidiParagraph resolve_bidi_levels(std::u32string_view text, TextDirection direction);

// P2–P3 on a whole paragraph: the level the first strong character outside isolates gives, or
// `fallback` when there is none.
std::uint8_t first_strong_level(std::u32string_view text, std::uint8_t fallback);

} // namespace support::text
