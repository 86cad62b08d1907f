#include "shared/core/text/word_breaker.h"

#include "shared/core/text/fold_for_search.h"
#include "shared/core/text/utf8.h"

namespace support::text {

namespace {

bool is_word_body(CharClass kind) {
    return kind == CharClass::Letter || kind == CharClass::Digit;
}

bool is_hyphen(char32_t c) {
    return c == U'-' || c == 0x2010 || c == 0x2011;
}

bool is_hebrew_letter(char32_t c) {
    return c >= 0x05D0 && c <= 0x05F2;
}

bool is_geresh(char32_t c) {
    return c == U'\'' || c == 0x05F3 || c == 0x2019;
}

} // namespace

std::u32string_view Word::part(std::size_t index) const {
    const std::u32string_view all = folded;
    const std::size_t start = index == 0 ? 0 : part_starts[index - 1];
    const std::size_t stop = index < part_starts.size() ? part_starts[index] : all.size();
    return all.substr(start, stop - start);
}

bool WordBreaker::next(Word& word) {
    word.folded.clear();
    word.part_starts.clear();

    // Skip to the first letter or digit.
    DecodedCodePoint current{};
    while (m_offset < m_text.size()) {
        current = decode_utf8(m_text, m_offset);
        if (is_word_body(classify_for_search(current.value)))
            break;
        m_offset += current.length;
    }
    if (m_offset >= m_text.size())
        return false;

    word.begin = static_cast<std::uint32_t>(m_offset);
    char32_t previous_letter = 0;
    bool part_pending = false;
    while (m_offset < m_text.size()) {
        // ASCII letters and digits, most of every text, take a short path.
        const auto byte = static_cast<unsigned char>(m_text[m_offset]);
        const bool ascii_lower = byte >= 'a' && byte <= 'z';
        if (!part_pending && (ascii_lower || (byte >= '0' && byte <= '9') || (byte >= 'A' && byte <= 'Z'))) {
            const char32_t folded = byte >= 'A' && byte <= 'Z' ? byte + 32 : byte;
            word.folded += folded;
            previous_letter = folded;
            ++m_offset;
            continue;
        }
        current = decode_utf8(m_text, m_offset);
        const CharClass kind = classify_for_search(current.value);
        if (is_word_body(kind)) {
            if (part_pending && !word.folded.empty())
                word.part_starts.push_back(static_cast<std::uint32_t>(word.folded.size()));
            part_pending = false;
            append_folded(current.value, word.folded);
            previous_letter = current.value;
            m_offset += current.length;
            continue;
        }
        if (kind == CharClass::Mark) {
            m_offset += current.length;
            continue;
        }
        if (kind != CharClass::Joiner && kind != CharClass::InnerPunctuation)
            break;

        // A joiner or inner punctuation belongs to the word only if a letter or digit follows
        // (marks in between allowed), except a geresh closing a Hebrew word.
        std::size_t look = m_offset + current.length;
        CharClass following = CharClass::Separator;
        while (look < m_text.size()) {
            const DecodedCodePoint after = decode_utf8(m_text, look);
            following = classify_for_search(after.value);
            if (following != CharClass::Mark)
                break;
            look += after.length;
        }
        if (is_word_body(following)) {
            if (kind == CharClass::Joiner || is_hyphen(current.value))
                part_pending = true;
            m_offset += current.length;
            continue;
        }
        if (is_geresh(current.value) && is_hebrew_letter(previous_letter)) {
            m_offset += current.length; // בלוטות' — the geresh ends the word and stays in its range
        }
        break;
    }
    word.end = static_cast<std::uint32_t>(m_offset);
    return true;
}

} // namespace support::text
