#include "shared/core/text/language.h"

#include "catch_amalgamated.hpp"

using namespace support::text;

TEST_CASE("Hebrew, Arabic, Persian and the other right-to-left languages are known by their tags") {
    for (const char* tag :
         {"he", "he-IL", "iw", "ar", "ar-EG", "fa", "fa-IR", "ur-PK", "ps", "yi", "ckb", "HE"})
        CHECK(writes_right_to_left(tag));
    for (const char* tag : {"en", "en-GB", "fr", "de-DE", "", "hebrew", "a"})
        CHECK_FALSE(writes_right_to_left(tag));
}

TEST_CASE("A script subtag decides the direction when a tag has one") {
    CHECK(writes_right_to_left("az-Arab"));
    CHECK(writes_right_to_left("pa-Arab-PK"));
    CHECK_FALSE(writes_right_to_left("ku-Latn"));
    CHECK_FALSE(writes_right_to_left("ar-Latn"));
    CHECK(writes_right_to_left("ar-EG")); // a region is not a script
}

TEST_CASE("Language tags name the languages search analyses") {
    CHECK(language_from_tag("he-IL") == Language::Hebrew);
    CHECK(language_from_tag("iw") == Language::Hebrew);
    CHECK(language_from_tag("FA") == Language::Persian);
    CHECK(language_from_tag("ar_SA") == Language::Arabic);
    CHECK(language_from_tag("en-US") == Language::English);
    CHECK(language_from_tag("fr") == Language::Other);
}
