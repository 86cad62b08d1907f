#include "shared/core/text/unicode_properties.h"

#include "catch_amalgamated.hpp"

using namespace support::text;

TEST_CASE("Bidi classes come from the Unicode data, defaults for unassigned code points included") {
    CHECK(bidi_class(U'A') == BidiClass::L);
    CHECK(bidi_class(U'א') == BidiClass::R);
    CHECK(bidi_class(U'ب') == BidiClass::AL);
    CHECK(bidi_class(U'7') == BidiClass::EN);
    CHECK(bidi_class(U'٣') == BidiClass::AN);
    CHECK(bidi_class(U'۳') == BidiClass::EN); // extended Arabic-Indic (Persian) digits are European numbers
    CHECK(bidi_class(U'₪') == BidiClass::ET);
    CHECK(bidi_class(0x0301) == BidiClass::NSM);
    CHECK(bidi_class(0x200D) == BidiClass::BN);
    CHECK(bidi_class(U'\n') == BidiClass::B);
    CHECK(bidi_class(U'\t') == BidiClass::S);
    CHECK(bidi_class(0x2067) == BidiClass::RLI);
    CHECK(bidi_class(0x05FF) == BidiClass::R); // unassigned, in the Hebrew block
    CHECK(bidi_class(0x10FFFF) == BidiClass::BN);
    CHECK(bidi_class(0x110000) == BidiClass::L);
    CHECK_FALSE(unicode_data_version().empty());
}

TEST_CASE("Mirrored glyphs and paired brackets, canonical equivalents folded") {
    CHECK(bidi_mirror(U'(') == U')');
    CHECK(bidi_mirror(U'«') == U'»');
    CHECK(bidi_mirror(U'a') == U'a');
    CHECK(bidi_bracket(U'[').type == BracketType::Open);
    CHECK(bidi_bracket(U'[').paired_canonical == U']');
    CHECK(bidi_bracket(0x2329).canonical == 0x3008);
    CHECK(bidi_bracket(0x3009).type == BracketType::Close);
    CHECK(bidi_bracket(U'a').type == BracketType::None);
}

TEST_CASE("Joining types and presentation forms of Arabic and Persian letters") {
    CHECK(joining_type(U'ب') == JoiningType::DualJoining);
    CHECK(joining_type(U'ا') == JoiningType::RightJoining);
    CHECK(joining_type(0x064E) == JoiningType::Transparent);
    CHECK(joining_type(0x200D) == JoiningType::JoinCausing);
    CHECK(joining_type(0x200C) == JoiningType::NonJoining);
    CHECK(joining_type(U'a') == JoiningType::NonJoining);
    REQUIRE(arabic_forms(U'پ'));
    CHECK(arabic_forms(U'پ')->initial == 0xFB58);
    CHECK_FALSE(arabic_forms(U'a'));
    CHECK(lam_alef_ligature(U'ا', true) == 0xFEFC);
    CHECK(lam_alef_ligature(U'ب', false) == 0);
    CHECK(is_default_ignorable(0x200C));
    CHECK(is_default_ignorable(0x2067));
    CHECK_FALSE(is_default_ignorable(U' '));
}
