#include "shared/core/i18n/plural_rules.h"

#include "shared/core/text/language.h"

namespace support::i18n {

std::string_view plural_category_name(PluralCategory category) {
    switch (category) {
    case PluralCategory::Zero:
        return "zero";
    case PluralCategory::One:
        return "one";
    case PluralCategory::Two:
        return "two";
    case PluralCategory::Few:
        return "few";
    case PluralCategory::Many:
        return "many";
    case PluralCategory::Other:
        break;
    }
    return "other";
}

// The rules of CLDR 42 for integers (no visible fraction digits).
PluralCategory plural_category(std::string_view language_tag, std::uint64_t n) {
    switch (text::language_from_tag(language_tag)) {
    case text::Language::Arabic: {
        const std::uint64_t last_two = n % 100;
        if (n == 0)
            return PluralCategory::Zero;
        if (n == 1)
            return PluralCategory::One;
        if (n == 2)
            return PluralCategory::Two;
        if (last_two >= 3 && last_two <= 10)
            return PluralCategory::Few;
        if (last_two >= 11)
            return PluralCategory::Many;
        return PluralCategory::Other;
    }
    case text::Language::Hebrew:
        if (n == 1)
            return PluralCategory::One;
        if (n == 2)
            return PluralCategory::Two;
        return PluralCategory::Other;
    case text::Language::Persian: // i = 0 or n = 1
        return n <= 1 ? PluralCategory::One : PluralCategory::Other;
    case text::Language::English:
    case text::Language::Other:
        break;
    }
    return n == 1 ? PluralCategory::One : PluralCategory::Other;
}

} // namespace support::i18n
