#pragma once
// Splits text into the words search indexes, each folded (fold_for_search.h) and with its byte
// range in the original text (for highlights and snippets).
//
// A word is a run of letters, digits and marks. Inside a word, between letters:
//   - apostrophes, quotes, geresh and gershayim are kept out of the folded form without breaking
//     the word: don't → dont, דוא"ל → דואל; a geresh after a final Hebrew letter stays in the word
//     (בלוטות', צ');
//   - ZWNJ and hyphens join parts: می‌توانید → میتوانید with parts می + توانید, Wi-Fi → wifi
//   with
//     parts wi + fi. Search indexes the joined word and each part, so every spelling meets.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support::text {

struct Word {
    std::uint32_t begin = 0; // byte range in the text
    std::uint32_t end = 0;
    std::u32string folded;                  // the whole word, joiners removed
    std::vector<std::uint32_t> part_starts; // offsets in `folded` where a further part starts

    std::size_t part_count() const { return part_starts.size() + 1; }
    std::u32string_view part(std::size_t index) const;
};

class WordBreaker {
  public:
    explicit WordBreaker(std::string_view text) : m_text(text) {}

    // Fills `word` with the next word and returns true, or returns false at the end. Reusing one
    // Word across calls avoids allocations.
    bool next(Word& word);

  private:
    std::string_view m_text;
    std::size_t m_offset = 0;
};

} // namespace support::text
