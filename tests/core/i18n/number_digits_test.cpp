#include "shared/core/i18n/number_digits.h"

#include "catch_amalgamated.hpp"

using namespace support::i18n;

TEST_CASE("each locale writes numbers with its CLDR default digits, as the browser's Intl does") {
    CHECK(number_digits_for("fa") == NumberDigits::ExtendedArabicIndic);
    CHECK(number_digits_for("fa-IR") == NumberDigits::ExtendedArabicIndic);
    CHECK(number_digits_for("fa-AF") == NumberDigits::ExtendedArabicIndic);
    CHECK(number_digits_for("ar-EG") == NumberDigits::ArabicIndic);
    CHECK(number_digits_for("ar_SA") == NumberDigits::ArabicIndic);
    CHECK(number_digits_for("ar-Arab-IQ") == NumberDigits::ArabicIndic);
    CHECK(number_digits_for("AR-eg") == NumberDigits::ArabicIndic);
    // Arabic without a region (CLDR 42 on), in the Maghreb and the Emirates: ASCII digits.
    CHECK(number_digits_for("ar") == NumberDigits::Latin);
    CHECK(number_digits_for("ar-MA") == NumberDigits::Latin);
    CHECK(number_digits_for("ar-AE") == NumberDigits::Latin);
    CHECK(number_digits_for("ar-001") == NumberDigits::Latin);
    CHECK(number_digits_for("he") == NumberDigits::Latin);
    CHECK(number_digits_for("en-US") == NumberDigits::Latin);
    CHECK(number_digits_for("") == NumberDigits::Latin);
    CHECK(number_digits_for("farsi") == NumberDigits::Latin);
}

TEST_CASE("integers in ASCII, Arabic-Indic and Extended Arabic-Indic digits") {
    CHECK(format_integer(0, NumberDigits::Latin) == "0");
    CHECK(format_integer(1234567890, NumberDigits::Latin) == "1234567890");
    CHECK(format_integer(1234567890, NumberDigits::ArabicIndic) == "١٢٣٤٥٦٧٨٩٠");
    CHECK(format_integer(1234567890, NumberDigits::ExtendedArabicIndic) == "۱۲۳۴۵۶۷۸۹۰");
    CHECK(format_integer(0, NumberDigits::ExtendedArabicIndic) == "۰");
}
