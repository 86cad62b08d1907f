#include "shared/core/text/arabic_joining.h"

#include "catch_amalgamated.hpp"

using namespace support::text;

TEST_CASE("Arabic words take their initial, medial and final forms") {
    // مرحبا: meem initial, reh final (it never joins the letter after it), hah initial, beh medial,
    // alef final.
    CHECK(shape_arabic(U"مرحبا") == U"\uFEE3\uFEAE\uFEA3\uFE92\uFE8E");
}

TEST_CASE("Lam followed by alef becomes one ligature, final after a joining letter") {
    CHECK(shape_arabic(U"لا") == std::u32string{0xFEFB, k_ligature_continuation});
    // سلام: seen initial, lam-alef final, meem isolated (alef does not join what follows).
    CHECK(shape_arabic(U"سلام") == std::u32string{0xFEB3, 0xFEFC, k_ligature_continuation, 0xFEE1});
    // Each hamza and madda alef has its own ligature: لأ لإ لآ.
    CHECK(shape_arabic(U"لأ")[0] == 0xFEF7);
    CHECK(shape_arabic(U"لإ")[0] == 0xFEF9);
    CHECK(shape_arabic(U"لآ")[0] == 0xFEF5);
}

TEST_CASE("Persian letters gaf, keheh and Farsi yeh take their Presentation Forms-A shapes") {
    // گفتگو: gaf initial, feh medial, teh medial, gaf medial, waw final.
    CHECK(shape_arabic(U"گفتگو") == U"\uFB94\uFED4\uFE98\uFB95\uFEEE");
    // کی: keheh initial, Farsi yeh final.
    CHECK(shape_arabic(U"کی") == U"\uFB90\uFBFD");
}

TEST_CASE("A zero width non-joiner separates letters and stays in place") {
    // می‌خواهم: meem initial, yeh final | ZWNJ | khah initial, waw final, alef isolated, heh
    // initial, meem final.
    CHECK(shape_arabic(U"می\u200Cخواهم") == U"\uFEE3\uFBFD\u200C\uFEA7\uFEEE\uFE8D\uFEEB\uFEE2");
}

TEST_CASE("A zero width joiner and tatweel join the letters beside them") {
    CHECK(shape_arabic(U"ب\u200D") == U"\uFE91\u200D");
    CHECK(shape_arabic(U"\u0640ب") == U"\u0640\uFE90");
}

TEST_CASE("Vowel marks between letters do not break joining") {
    // بَب: beh initial, fatha, beh final.
    CHECK(shape_arabic(U"بَب") == U"\uFE91\u064E\uFE90");
}

TEST_CASE("Text without Arabic letters is left as it is") {
    CHECK(shape_arabic(U"Order #42 שלום") == U"Order #42 שלום");
    CHECK_FALSE(needs_arabic_shaping(U"Order #42 שלום"));
    CHECK(needs_arabic_shaping(U"Order #42 سفارش"));
    // Arabic letters between Latin ones still join each other, and only each other.
    CHECK(shape_arabic(U"aبba") == U"a\uFE8Fba");
    CHECK(shape_arabic(U"") == U"");
}
