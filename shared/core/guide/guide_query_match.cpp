#include "shared/core/guide/guide_query_match.h"

#include "shared/core/text/word_breaker.h"

#include <string_view>

namespace support::guide {

namespace {

constexpr std::size_t k_min_word_letters = 3;

bool begins(std::u32string_view text, std::u32string_view prefix) {
    return text.size() >= prefix.size() && text.substr(0, prefix.size()) == prefix;
}

// Does one of the words of `text` begin `asked`, or begin with it?
bool has_word_for(std::string_view text, std::u32string_view asked, text::Word& scratch) {
    text::WordBreaker breaker(text);
    while (breaker.next(scratch))
        if (scratch.folded.size() >= k_min_word_letters &&
            (begins(scratch.folded, asked) || begins(asked, scratch.folded)))
            return true;
    return false;
}

} // namespace

std::size_t guide_query_score(const Guide& guide, std::string_view query) {
    // Titles and queries are a few words: breaking the guide's text again for each query word is
    // cheaper than keeping lists of folded words.
    std::size_t asked = 0, matched = 0;
    text::WordBreaker breaker(query);
    text::Word word, scratch;
    while (breaker.next(word)) {
        if (word.folded.size() < k_min_word_letters)
            continue;
        ++asked;
        if (has_word_for(guide.title, word.folded, scratch) ||
            has_word_for(guide.summary, word.folded, scratch))
            ++matched;
    }
    return asked > 0 && matched * 2 >= asked ? matched : 0;
}

} // namespace support::guide
