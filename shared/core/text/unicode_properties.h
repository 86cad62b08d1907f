#pragma once
// The Unicode character properties that bidi and Arabic joining need. The tables behind these
// functions are generated at build time from Debian's unicode-data files by
// cmake/generate_unicode_tables.py (never typed by hand); each lookup is a binary search.

#include <cstdint>
#include <optional>
#include <string_view>

namespace support::text {

// Bidi_Class (UAX #9, table 4). The order is the generator's; keep both in step.
enum class BidiClass : std::uint8_t {
    L,   // left-to-right
    R,   // right-to-left (Hebrew)
    AL,  // Arabic letter
    EN,  // European number
    ES,  // European separator (+ -)
    ET,  // European terminator (# $ % …)
    AN,  // Arabic number
    CS,  // common separator (, . / :)
    NSM, // non-spacing mark
    BN,  // boundary neutral (ZWJ, ZWNJ, controls)
    B,   // paragraph separator
    S,   // segment separator (tab)
    WS,  // white space
    ON,  // other neutral
    LRE,
    LRO,
    RLE,
    RLO,
    PDF,
    LRI,
    RLI,
    FSI,
    PDI,
};

enum class BracketType : std::uint8_t { None, Open, Close };

struct BidiBracket {
    BracketType type = BracketType::None;
    char32_t canonical = 0;        // this bracket, canonical equivalents folded (U+2329 → U+3008)
    char32_t paired_canonical = 0; // its Bidi_Paired_Bracket, folded the same way
};

// Joining_Type (ArabicShaping.txt); marks and format characters are Transparent. Read where it
// matters to Arabic joining — below U+0900, General Punctuation, variation selectors — and
// non-joining elsewhere.
enum class JoiningType : std::uint8_t {
    NonJoining,
    RightJoining,
    LeftJoining,
    DualJoining,
    JoinCausing,
    Transparent
};

// A letter's Arabic Presentation Forms (A or B); 0 where the form does not exist.
struct ArabicForms {
    char32_t base;
    char32_t isolated;
    char32_t final_form;
    char32_t initial;
    char32_t medial;
};

std::string_view unicode_data_version();

BidiClass bidi_class(char32_t code_point);
// Bidi_Mirroring_Glyph, or the code point itself.
char32_t bidi_mirror(char32_t code_point);
BidiBracket bidi_bracket(char32_t code_point);
JoiningType joining_type(char32_t code_point);
bool is_default_ignorable(char32_t code_point);
// None when the letter has no presentation forms.
std::optional<ArabicForms> arabic_forms(char32_t code_point);
// The lam-alef ligature for lam followed by `alef` (U+0622, 0623, 0625, 0627), or 0.
char32_t lam_alef_ligature(char32_t alef, bool final_form);

} // namespace support::text
