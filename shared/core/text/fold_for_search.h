#pragma once
// What search treats as the same letter. Folding is per code point and language-independent, so a
// Latin product name inside Hebrew text folds the same way as in English:
//   - case: ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic; fullwidth forms → ASCII;
//   - Latin diacritics removed (é → e), ligatures and special letters spelled out (ß → ss, æ → ae);
//   - Hebrew: niqqud and cantillation removed, final letters folded (ך → כ, ם → מ, ן → נ, ף → פ, ץ → צ);
//   - Arabic: tashkeel, superscript alef and tatweel removed; آ أ إ ٱ → ا; ى → ي; ة → ه;
//   - Persian: ی → ي and ک ← ك (one yeh, one kaf), ۀ → ه, the ezafe hamza (ٔ) removed;
//   - Arabic-Indic and Persian digits → 0–9.
// Combining marks and format characters (ZWJ, LRM, RLM) inside a word are dropped; ZWNJ is a
// joiner the word breaker sees (Persian compounds), never part of a folded word.

#include <cstdint>
#include <string>
#include <string_view>

namespace support::text {

enum class CharClass : std::uint8_t {
    Separator,
    Letter,
    Digit,
    Mark,             // removed by folding; keeps the word going (niqqud, tashkeel, tatweel, ZWJ)
    Joiner,           // ZWNJ: inside a word, splits it into parts for search
    InnerPunctuation, // ' ’ " ׳ ״ - ‐: part of a word only between letters (don't, דוא"ל, Wi-Fi)
};

CharClass classify_for_search(char32_t code_point);

// Appends the folded form of one Letter or Digit code point (one or two code points).
void append_folded(char32_t code_point, std::u32string& out);

// Folds a whole string: letters and digits folded, marks and joiners dropped, every other code
// point kept as is. For tests and for callers that want one folded string.
std::u32string fold_for_search(std::string_view utf8);

std::string to_utf8(std::u32string_view text);

} // namespace support::text
