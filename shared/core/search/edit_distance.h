#pragma once
// Typo tolerance: how many edits a word may carry, and the distance that counts them.

#include <cstddef>
#include <string_view>

namespace support::search {

// None under 5 letters, 1 edit for 5–8 letters, 2 from 9 (letters = code points after folding).
int max_typo_edits(std::size_t letters);

// Optimal string alignment distance: insertions, deletions, substitutions and transpositions of
// adjacent letters each count one edit ("retrun" is one edit from "return").
std::size_t osa_distance(std::u32string_view a, std::u32string_view b);

} // namespace support::search
