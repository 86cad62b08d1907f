#pragma once
// The forms under which search indexes and looks up one folded word, per language:
//   English  — the Porter2 stem only ("returns" → "return");
//   Hebrew   — the word, and the word without up to three attached prefix letters (ו ה ב ל מ ש כ)
//              while at least two letters remain: והמקפיא → המקפיא, מקפיא, קפיא;
//   Arabic   — the word, without a leading و, without the article (ال وال بال كال فال لل) or a
//              one-letter proclitic (ب ل ف ك), and the light stem without one suffix
//              (ها ان ات ون ين ية ه ي): والضمان → الضمان, ضمان;
//   Persian  — the word, without the verb prefixes می / نمی / بی and without the plural and
//              comparative suffixes (ها های هایی ان ات تر ترین ای);
//   other    — the word.
// Forms after the first carry a lower weight: an exact spelling outranks a variant.

#include "shared/core/text/language.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support::text {

// The forms of one word, kept in one reusable buffer: clear() and refill it for every word without
// allocating once it has grown to the longest word.
class WordForms {
  public:
    void clear() {
        m_letters.clear();
        m_spans.clear();
    }
    // Adds a form unless the same text is already there (the first weight stays).
    void add(std::u32string_view text, float weight);
    void add_ascii(std::string_view text, float weight);

    std::size_t size() const { return m_spans.size(); }
    std::u32string_view text(std::size_t index) const {
        return std::u32string_view(m_letters).substr(m_spans[index].offset, m_spans[index].length);
    }
    float weight(std::size_t index) const { return m_spans[index].weight; }

  private:
    bool contains(std::u32string_view text) const;

    struct Span {
        std::uint32_t offset;
        std::uint32_t length;
        float weight;
    };
    std::u32string m_letters;
    std::vector<Span> m_spans;
};

// Appends the forms of `folded` (one word or one part of a compound, already folded).
void append_word_forms(Language language, std::u32string_view folded, WordForms& out);

} // namespace support::text
