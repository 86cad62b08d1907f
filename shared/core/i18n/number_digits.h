#pragma once
// The digits a locale writes numbers with — CLDR's default numbering system, as browsers' Intl
// gives it: Persian writes Extended Arabic-Indic digits (۰۱۲۳), Arabic in Egypt, the Levant, Iraq,
// the Gulf but for the Emirates, Sudan and the Horn Arabic-Indic digits (٠١٢٣), Arabic elsewhere
// and without a region (CLDR 42 on) and every other language ASCII digits.
//
//   format_integer(3, number_digits_for("fa"))  // "۳"
//
// Integers only, without grouping separators: the widget's counts and step numbers.

#include <cstdint>
#include <string>
#include <string_view>

namespace support::i18n {

enum class NumberDigits : std::uint8_t {
    Latin,               // 0123456789
    ArabicIndic,         // U+0660–U+0669
    ExtendedArabicIndic, // U+06F0–U+06F9
};

NumberDigits number_digits_for(std::string_view locale_tag);
std::string format_integer(std::uint64_t n, NumberDigits digits);

} // namespace support::i18n
