#pragma once
// The languages whose words search analyses beyond folding (stemming, prefix letters, affixes).

#include <cstdint>
#include <string_view>

namespace support::text {

enum class Language : std::uint8_t { English, Hebrew, Arabic, Persian, Other };

// From a BCP 47 tag: "en", "en-GB", "he", "iw", "ar-EG", "fa-IR"; anything else is Other.
Language language_from_tag(std::string_view tag);

// Whether a BCP 47 tag names a language written right to left: Hebrew, Arabic, Persian, Urdu,
// Pashto, Sindhi, Uyghur, Yiddish, Dhivehi, Sorani Kurdish, Syriac; a script subtag decides when
// present ("az-Arab" is, "ku-Latn" is not).
bool writes_right_to_left(std::string_view tag);

} // namespace support::text
