#include "shared/core/i18n/number_digits.h"

#include <array>

namespace support::i18n {

namespace {

// Arabic locales whose CLDR default numbering system is "arab" (CLDR 48); the others, and "ar"
// alone, write ASCII digits.
constexpr std::array<std::string_view, 21> k_arabic_indic_regions = {
    "BH", "DJ", "EG", "ER", "IL", "IQ", "JO", "KM", "KW", "LB", "MR",
    "OM", "PS", "QA", "SA", "SD", "SO", "SS", "SY", "TD", "YE"};

char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}
char ascii_upper(char c) {
    return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

bool equals_lower(std::string_view a, std::string_view lower) {
    if (a.size() != lower.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != lower[i])
            return false;
    return true;
}

} // namespace

NumberDigits number_digits_for(std::string_view tag) {
    // language[-script][-region]…, separated by '-' or '_'
    std::string_view subtags[3];
    std::size_t count = 0;
    for (std::size_t start = 0; start <= tag.size() && count < 3;) {
        const std::size_t end = tag.find_first_of("-_", start);
        subtags[count++] =
            tag.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    if (equals_lower(subtags[0], "fa"))
        return NumberDigits::ExtendedArabicIndic;
    if (!equals_lower(subtags[0], "ar"))
        return NumberDigits::Latin;
    for (std::size_t i = 1; i < count; ++i) {
        if (subtags[i].size() != 2)
            continue; // a script ("Arab") or something else: not the region
        const std::string region{ascii_upper(subtags[i][0]), ascii_upper(subtags[i][1])};
        for (const std::string_view listed : k_arabic_indic_regions)
            if (region == listed)
                return NumberDigits::ArabicIndic;
        return NumberDigits::Latin;
    }
    return NumberDigits::Latin;
}

std::string format_integer(std::uint64_t n, NumberDigits digits) {
    std::string ascii = std::to_string(n);
    if (digits == NumberDigits::Latin)
        return ascii;
    // U+0660 + d is D9 A0+d in UTF-8; U+06F0 + d is DB B0+d.
    const char lead = digits == NumberDigits::ArabicIndic ? '\xD9' : '\xDB';
    const unsigned char base = digits == NumberDigits::ArabicIndic ? 0xA0 : 0xB0;
    std::string out;
    out.reserve(ascii.size() * 2);
    for (const char c : ascii) {
        out.push_back(lead);
        out.push_back(static_cast<char>(base + static_cast<unsigned char>(c - '0')));
    }
    return out;
}

} // namespace support::i18n
