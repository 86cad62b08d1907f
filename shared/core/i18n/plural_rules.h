#pragma once
// CLDR plural categories for the languages the widget speaks: English and Persian ("1 article",
// "3 articles"), Hebrew (one, two, other) and Arabic (zero, one, two, few, many, other). A
// message with a count is chosen by its category; a language without rules here uses English's.

#include <cstdint>
#include <string_view>

namespace support::i18n {

enum class PluralCategory : std::uint8_t { Zero, One, Two, Few, Many, Other };

std::string_view plural_category_name(PluralCategory category); // "zero", "one", …

// The category of a whole number `n` (n ≥ 0) in the language of a BCP 47 tag.
PluralCategory plural_category(std::string_view language_tag, std::uint64_t n);

} // namespace support::i18n
