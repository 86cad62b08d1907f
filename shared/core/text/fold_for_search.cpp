#include "shared/core/text/fold_for_search.h"

#include "shared/core/text/utf8.h"

namespace support::text {

namespace {

// U+00C0–U+017F → lowercase ASCII base letters, two characters per code point (a space pads a
// one-letter result; × and ÷ are separators and never reach this table). Generated from Unicode
// canonical decompositions, with ß æ œ ø đ ħ ı ł ŀ þ ð ŋ ĸ ŉ ſ ĳ ŧ spelled out by hand.
constexpr std::string_view k_latin_base = "a a a a a a aec e e e e i i i i d n o o o o o   o u u u u y thss"
                                          "a a a a a a aec e e e e i i i i d n o o o o o   o u u u u y thy "
                                          "a a a a a a c c c c c c c c d d d d e e e e e e e e e e g g g g "
                                          "g g g g h h h h i i i i i i i i i i ijijj j k k k l l l l l l l "
                                          "l l l n n n n n n n n n o o o o o o oeoer r r r r r s s s s s s "
                                          "s s t t t t t t u u u u u u u u u u u u w w y y y z z z z z z s ";

bool in(char32_t c, char32_t first, char32_t last) {
    return c >= first && c <= last;
}

CharClass classify_hebrew(char32_t c) {
    if (c == 0x05BE || c == 0x05C0 || c == 0x05C3 || c == 0x05C6)
        return CharClass::Separator; // maqaf, paseq, sof pasuq, nun hafukha
    if (in(c, 0x0591, 0x05C7))
        return CharClass::Mark;
    if (in(c, 0x05D0, 0x05EA) || in(c, 0x05EF, 0x05F2))
        return CharClass::Letter;
    if (c == 0x05F3 || c == 0x05F4)
        return CharClass::InnerPunctuation; // geresh, gershayim
    return CharClass::Separator;
}

CharClass classify_arabic(char32_t c) {
    if (in(c, 0x0610, 0x061A) || c == 0x0640 || in(c, 0x064B, 0x065F) || c == 0x0670 ||
        in(c, 0x06D6, 0x06DC) || in(c, 0x06DF, 0x06E4) || in(c, 0x06E7, 0x06E8) || in(c, 0x06EA, 0x06ED))
        return CharClass::Mark;
    if (in(c, 0x0660, 0x0669) || in(c, 0x06F0, 0x06F9))
        return CharClass::Digit;
    if (in(c, 0x0620, 0x063F) || in(c, 0x0641, 0x064A) || in(c, 0x066E, 0x066F) || in(c, 0x0671, 0x06D3) ||
        c == 0x06D5 || in(c, 0x06E5, 0x06E6) || in(c, 0x06EE, 0x06EF) || in(c, 0x06FA, 0x06FF))
        return CharClass::Letter;
    return CharClass::Separator; // ، ؛ ؟ ٪ ۔ and the other signs
}

} // namespace

CharClass classify_for_search(char32_t c) {
    if (c < 0x80) {
        if (in(c, 'a', 'z') || in(c, 'A', 'Z'))
            return CharClass::Letter;
        if (in(c, '0', '9'))
            return CharClass::Digit;
        if (c == '\'' || c == '"' || c == '-')
            return CharClass::InnerPunctuation;
        return CharClass::Separator;
    }
    if (c < 0x0250)
        return (c == 0xD7 || c == 0xF7 || c < 0xC0) && c != 0xAA && c != 0xBA ? CharClass::Separator
                                                                              : CharClass::Letter;
    if (c < 0x0300)
        return CharClass::Letter; // IPA extensions, spacing modifier letters
    if (c < 0x0370)
        return CharClass::Mark; // combining diacritical marks
    if (c < 0x0400)
        return c == 0x037E || c == 0x0387 ? CharClass::Separator : CharClass::Letter; // Greek
    if (c < 0x0530)
        return in(c, 0x0483, 0x0489) ? CharClass::Mark : CharClass::Letter; // Cyrillic
    if (in(c, 0x0590, 0x05FF))
        return classify_hebrew(c);
    if (in(c, 0x0600, 0x06FF))
        return classify_arabic(c);
    if (in(c, 0x0750, 0x077F))
        return CharClass::Letter; // Arabic Supplement
    if (in(c, 0x08A0, 0x08FF))
        return c >= 0x08D3 ? CharClass::Mark : CharClass::Letter; // Arabic Extended-A
    if (c == 0x200C)
        return CharClass::Joiner;
    if (c == 0x200B || c == 0x200D || c == 0x200E || c == 0x200F || c == 0x2060 || c == 0xFEFF)
        return CharClass::Mark;
    if (c == 0x2019 || c == 0x2010 || c == 0x2011)
        return CharClass::InnerPunctuation; // ’ ‐ ‑
    if (in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) || in(c, 0x20D0, 0x20FF) || in(c, 0xFE20, 0xFE2F))
        return CharClass::Mark;
    if (in(c, 0x2000, 0x2BFF) || in(c, 0x2E00, 0x2E7F) || in(c, 0x3000, 0x303F) || in(c, 0xFE10, 0xFE1F) ||
        in(c, 0xFE30, 0xFE6F) || in(c, 0xFFF0, 0xFFFF) || in(c, 0xE000, 0xF8FF) || in(c, 0x1F000, 0x1FAFF))
        return CharClass::Separator; // punctuation, symbols, arrows, emoji, private use, specials
    if (in(c, 0xFF10, 0xFF19))
        return CharClass::Digit;
    if (in(c, 0xFF21, 0xFF3A) || in(c, 0xFF41, 0xFF5A))
        return CharClass::Letter;
    if (in(c, 0xFF00, 0xFF65))
        return CharClass::Separator; // fullwidth punctuation
    return CharClass::Letter;        // other scripts: letters until a later issue says otherwise
}

void append_folded(char32_t c, std::u32string& out) {
    if (c < 0x80) {
        out += in(c, 'A', 'Z') ? c + 0x20 : c;
        return;
    }
    if (in(c, 0xC0, 0x17F)) {
        const std::size_t at = static_cast<std::size_t>(c - 0xC0) * 2;
        out += static_cast<char32_t>(k_latin_base[at]);
        if (k_latin_base[at + 1] != ' ')
            out += static_cast<char32_t>(k_latin_base[at + 1]);
        return;
    }
    switch (c) {
    // Hebrew final letters → their regular forms.
    case 0x05DA:
        out += char32_t{0x05DB};
        return;
    case 0x05DD:
        out += char32_t{0x05DE};
        return;
    case 0x05DF:
        out += char32_t{0x05E0};
        return;
    case 0x05E3:
        out += char32_t{0x05E4};
        return;
    case 0x05E5:
        out += char32_t{0x05E6};
        return;
    // Arabic alef forms → bare alef; alef maksura and Persian yeh → yeh; teh marbuta and heh with
    // yeh above → heh; Arabic kaf → Persian keheh.
    case 0x0622:
    case 0x0623:
    case 0x0625:
    case 0x0671:
        out += char32_t{0x0627};
        return;
    case 0x0649:
    case 0x06CC:
        out += char32_t{0x064A};
        return;
    case 0x0629:
    case 0x06C0:
        out += char32_t{0x0647};
        return;
    case 0x0643:
        out += char32_t{0x06A9};
        return;
    case 0x0451:
        out += char32_t{0x0435};
        return; // ё → е
    case 0x03C2:
        out += char32_t{0x03C3};
        return; // final sigma
    default:
        break;
    }
    if (in(c, 0x0660, 0x0669)) {
        out += U'0' + (c - 0x0660);
    } else if (in(c, 0x06F0, 0x06F9)) {
        out += U'0' + (c - 0x06F0);
    } else if (in(c, 0xFF10, 0xFF19) || in(c, 0xFF21, 0xFF3A) || in(c, 0xFF41, 0xFF5A)) {
        append_folded(c - 0xFEE0, out);
    } else if (in(c, 0x0391, 0x03A9)) {
        out += c + 0x20;
    } else if (in(c, 0x0410, 0x042F)) {
        out += c + 0x20;
    } else if (in(c, 0x0400, 0x040F)) {
        out += c + 0x50;
    } else {
        out += c;
    }
}

std::u32string fold_for_search(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    for (std::size_t offset = 0; offset < utf8.size();) {
        const DecodedCodePoint decoded = decode_utf8(utf8, offset);
        offset += decoded.length;
        switch (classify_for_search(decoded.value)) {
        case CharClass::Letter:
        case CharClass::Digit:
            append_folded(decoded.value, out);
            break;
        case CharClass::Mark:
        case CharClass::Joiner:
            break;
        case CharClass::Separator:
        case CharClass::InnerPunctuation:
            out += decoded.value;
            break;
        }
    }
    return out;
}

std::string to_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text)
        append_utf8(out, c);
    return out;
}

} // namespace support::text
