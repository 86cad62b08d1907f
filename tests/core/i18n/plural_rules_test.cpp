#include "shared/core/i18n/plural_rules.h"

#include "catch_amalgamated.hpp"

using namespace support::i18n;

TEST_CASE("English and Persian have one form for 1 and another for every other count") {
    CHECK(plural_category("en", 1) == PluralCategory::One);
    CHECK(plural_category("en", 0) == PluralCategory::Other);
    CHECK(plural_category("en-GB", 2) == PluralCategory::Other);
    CHECK(plural_category("fa", 0) == PluralCategory::One); // Persian: i = 0 or n = 1
    CHECK(plural_category("fa", 1) == PluralCategory::One);
    CHECK(plural_category("fa-IR", 5) == PluralCategory::Other);
    CHECK(plural_category("de", 1) == PluralCategory::One); // a language without rules here: English's
}

TEST_CASE("Hebrew counts have forms for one, two and the rest") {
    CHECK(plural_category("he", 1) == PluralCategory::One);
    CHECK(plural_category("he", 2) == PluralCategory::Two);
    CHECK(plural_category("he", 0) == PluralCategory::Other);
    CHECK(plural_category("he", 3) == PluralCategory::Other);
    CHECK(plural_category("iw", 20) == PluralCategory::Other);
}

TEST_CASE("Arabic counts take all six forms") {
    CHECK(plural_category("ar", 0) == PluralCategory::Zero);
    CHECK(plural_category("ar", 1) == PluralCategory::One);
    CHECK(plural_category("ar", 2) == PluralCategory::Two);
    for (const unsigned n : {3u, 10u, 103u, 110u, 1003u})
        CHECK(plural_category("ar", n) == PluralCategory::Few);
    for (const unsigned n : {11u, 26u, 99u, 111u, 1099u})
        CHECK(plural_category("ar-EG", n) == PluralCategory::Many);
    for (const unsigned n : {100u, 101u, 102u, 200u, 1000u})
        CHECK(plural_category("ar", n) == PluralCategory::Other);
    CHECK(plural_category_name(PluralCategory::Few) == "few");
}
