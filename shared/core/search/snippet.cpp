// SearchIndex::highlight: which words of a hit's title and body a query matched, and the window
// of the body that shows most of them.

#include "shared/core/search/search_index.h"
#include "shared/core/text/word_forms.h"

#include <algorithm>

namespace support::search {

namespace {

constexpr std::size_t k_snippet_words = 24;

struct BodyWord {
    ByteRange range;
    bool matched;
};

} // namespace

std::vector<std::uint32_t> SearchIndex::matched_terms(const std::vector<QueryWord>& words) const {
    // Stop words are not marked (an "I" lit up in every result says nothing), unless the query
    // has nothing else.
    const bool only_stop_words =
        std::all_of(words.begin(), words.end(), [](const QueryWord& word) { return word.stop_word; });
    std::vector<std::uint32_t> terms;
    for (const QueryWord& word : words)
        if (!word.stop_word || only_stop_words)
            for (const Candidate& candidate : word.candidates)
                terms.push_back(candidate.term);
    std::sort(terms.begin(), terms.end());
    terms.erase(std::unique(terms.begin(), terms.end()), terms.end());
    return terms;
}

bool SearchIndex::word_matches(const text::Word& word, const std::vector<std::uint32_t>& terms,
                               text::WordForms& forms) const {
    forms.clear();
    text::append_word_forms(m_language, word.folded, forms);
    if (word.part_count() > 1)
        for (std::size_t part = 0; part < word.part_count(); ++part)
            text::append_word_forms(m_language, word.part(part), forms);
    for (std::size_t i = 0; i < forms.size(); ++i) {
        const auto term = m_vocabulary.find(forms.text(i));
        if (term && std::binary_search(terms.begin(), terms.end(), *term))
            return true;
    }
    return false;
}

bool SearchIndex::title_names_any(const SearchableArticle& article,
                                  const std::vector<std::uint32_t>& terms) const {
    text::Word word;
    text::WordForms forms;
    text::WordBreaker breaker(article.title);
    while (breaker.next(word))
        if (word_matches(word, terms, forms))
            return true;
    return false;
}

float SearchIndex::title_coverage(std::string_view query, std::uint32_t article) const {
    float total = 0, named = 0;
    for (const QueryWord& word : analyse_query(query)) {
        if (word.stop_word)
            continue;
        total += word.importance;
        std::vector<std::uint32_t> terms;
        for (const Candidate& candidate : word.candidates)
            terms.push_back(candidate.term);
        std::sort(terms.begin(), terms.end());
        if (!terms.empty() && title_names_any(m_articles[article], terms))
            named += word.importance;
    }
    return total > 0 ? named / total : 0;
}

void SearchIndex::highlight(std::string_view query, SearchHit& hit) const {
    highlight_terms(matched_terms(analyse_query(query)), hit);
}

void SearchIndex::highlight_terms(const std::vector<std::uint32_t>& terms, SearchHit& hit) const {
    const SearchableArticle& source = m_articles[hit.article];
    text::Word word;
    text::WordForms forms;

    hit.title_highlights.clear();
    text::WordBreaker title(source.title);
    while (title.next(word))
        if (word_matches(word, terms, forms))
            hit.title_highlights.push_back(ByteRange{word.begin, word.end});

    std::vector<BodyWord> body;
    text::WordBreaker body_words(source.body_text);
    while (body_words.next(word))
        body.push_back(BodyWord{ByteRange{word.begin, word.end}, word_matches(word, terms, forms)});

    hit.snippet = {};
    hit.snippet_highlights.clear();
    if (body.empty())
        return;
    // The window of k_snippet_words words with the most matches; the earliest on a tie.
    const std::size_t window = std::min(k_snippet_words, body.size());
    std::size_t in_window = 0;
    for (std::size_t i = 0; i < window; ++i)
        in_window += body[i].matched ? 1 : 0;
    std::size_t best_start = 0, best_count = in_window;
    for (std::size_t start = 1; start + window <= body.size(); ++start) {
        in_window += (body[start + window - 1].matched ? 1 : 0) - (body[start - 1].matched ? 1 : 0);
        if (in_window > best_count)
            best_count = in_window, best_start = start;
    }
    const std::size_t first = best_start, last = best_start + window - 1;
    hit.snippet = ByteRange{body[first].range.begin, body[last].range.end};
    for (std::size_t i = first; i <= last; ++i)
        if (body[i].matched)
            hit.snippet_highlights.push_back(body[i].range);
}

} // namespace support::search
