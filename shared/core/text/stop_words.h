#pragma once
// Stop words: the words of a question that carry no meaning of their own ("do", "you", "how";
// "של", "في", "که"), per language, from the lists in stop_words/ (data, turned into a table at build
// time). Search weighs them little, never highlights them and never returns an article matched on
// them alone.
//
//   if (text::is_stop_word(Language::English, fold_for_search("You"))) …

#include "shared/core/text/language.h"

#include <span>
#include <string_view>

namespace support::text {

// `folded` is a word as fold_for_search() leaves it; the lists are folded the same way.
bool is_stop_word(Language language, std::u32string_view folded);

namespace detail {
// The raw list (UTF-8, as written) for a language; empty for Other. Generated.
std::span<const std::string_view> stop_word_list(Language language);
} // namespace detail

} // namespace support::text
