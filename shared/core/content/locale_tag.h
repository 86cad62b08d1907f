#pragma once
// Locale names as site owners write them (help/<locale>/ folders, the "locale" field) and as the
// widget asks for them (?locale=…): BCP 47 language tags in the shape this product uses, such as
// "en", "he", "ar", "fa", "pt-BR", "zh-Hant-TW". Comparison ignores case, as BCP 47 does.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace support::content {

inline constexpr std::size_t k_max_locale_tag_bytes = 35;

// A 2–3 letter language subtag, then any number of "-" subtags of 1–8 letters or digits; at
// most k_max_locale_tag_bytes in all. Underscores ("pt_BR") are not accepted.
bool is_locale_tag(std::string_view tag);

// The language subtag: "pt" for "pt-BR", the tag itself when it has no other subtags.
std::string_view language_of(std::string_view tag);

// Equal ignoring ASCII case: "pt-br" names the same locale as "pt-BR".
bool same_locale(std::string_view a, std::string_view b);

inline constexpr std::string_view k_fallback_locale = "en";

// Which of a site's locales answers a shopper asking for `requested`, the first that it has: the
// exact tag → its language ("pt-BR" → "pt") → another tag of that language ("pt" → "pt-BR") →
// "en". Its index in `available`; none when not even English is there.
std::optional<std::size_t> closest_locale(std::span<const std::string> available, std::string_view requested);

} // namespace support::content
