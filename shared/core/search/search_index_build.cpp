// SearchIndex::build: words → forms → terms, per-field frequencies, then one BM25F score per
// (term, article) posting, so a query only adds up precomputed numbers.

#include "shared/core/search/bm25f.h"
#include "shared/core/search/search_index.h"
#include "shared/core/search/term_table.h"
#include "shared/core/text/word_breaker.h"
#include "shared/core/text/word_forms.h"

#include <span>

namespace support::search {

namespace {

struct Occurrence {
    std::uint32_t term;
    std::uint32_t article;
    std::array<std::uint16_t, k_field_count> frequency;
};

class IndexBuilder {
  public:
    explicit IndexBuilder(text::Language language) : m_language(language) {}

    void add_article(std::uint32_t article, const SearchableArticle& source) {
        std::array<float, k_field_count> length{};
        add_field(Field::Title, source.title, length);
        for (const std::string& tag : source.tags)
            add_field(Field::Tags, tag, length);
        for (const std::string& synonym : source.synonyms)
            add_field(Field::Synonyms, synonym, length);
        add_field(Field::Body, source.body_text, length);
        for (std::uint32_t term : m_touched) {
            m_occurrences.push_back(Occurrence{term, article, m_frequency[term]});
            m_frequency[term] = {};
        }
        m_touched.clear();
        m_lengths.push_back(length);
    }

    std::size_t term_count() const { return m_terms.size(); }
    std::vector<Occurrence>& occurrences() { return m_occurrences; }
    const std::vector<std::array<float, k_field_count>>& lengths() const { return m_lengths; }
    Vocabulary& vocabulary() { return m_vocabulary; }

  private:
    void add_field(Field field, std::string_view text, std::array<float, k_field_count>& length) {
        const auto f = static_cast<std::size_t>(field);
        text::WordBreaker words(text);
        while (words.next(m_word)) {
            length[f] += 1;
            for (std::uint32_t term : terms_of_word())
                count(term, f);
        }
    }

    void count(std::uint32_t term, std::size_t field) {
        if (m_frequency[term] == std::array<std::uint16_t, k_field_count>{})
            m_touched.push_back(term);
        if (m_frequency[term][field] < UINT16_MAX)
            ++m_frequency[term][field];
    }

    // The terms of m_word: its forms and those of its parts. Computed once per distinct spelling
    // (words repeat: a corpus of 50,000 words has about 8,000 distinct ones) and cached.
    std::span<const std::uint32_t> terms_of_word() {
        m_cache_key.assign(m_word.folded);
        for (std::uint32_t start : m_word.part_starts) {
            m_cache_key += U'\x01';
            m_cache_key += static_cast<char32_t>(start);
        }
        bool added = false;
        const std::uint32_t entry = m_word_cache.intern(m_cache_key, &added);
        if (added) {
            m_forms.clear();
            add_surface(m_word.folded);
            text::append_word_forms(m_language, m_word.folded, m_forms);
            if (m_word.part_count() > 1) {
                for (std::size_t part = 0; part < m_word.part_count(); ++part) {
                    add_surface(m_word.part(part));
                    text::append_word_forms(m_language, m_word.part(part), m_forms);
                }
            }
            m_cached_start.push_back(static_cast<std::uint32_t>(m_cached_terms.size()));
            for (std::size_t i = 0; i < m_forms.size(); ++i)
                m_cached_terms.push_back(intern(m_forms.text(i)));
        }
        const std::uint32_t begin = m_cached_start[entry];
        const std::uint32_t end = entry + 1 < m_cached_start.size()
                                      ? m_cached_start[entry + 1]
                                      : static_cast<std::uint32_t>(m_cached_terms.size());
        return std::span<const std::uint32_t>(m_cached_terms).subspan(begin, end - begin);
    }

    std::uint32_t intern(std::u32string_view text) {
        bool added = false;
        const std::uint32_t term = m_terms.intern(text, &added);
        if (added) {
            m_vocabulary.add(text, term);
            m_frequency.emplace_back();
        }
        return term;
    }

    // English indexes stems; the spellings as written join the vocabulary so that prefix and
    // typo search see "shipping" and not only "ship".
    void add_surface(std::u32string_view folded) {
        if (m_language != text::Language::English)
            return;
        bool added = false;
        m_seen_surfaces.intern(folded, &added);
        if (!added)
            return;
        m_surface_forms.clear();
        text::append_word_forms(m_language, folded, m_surface_forms);
        if (m_surface_forms.size() > 0)
            m_vocabulary.add(folded, intern(m_surface_forms.text(0)));
    }

    text::Language m_language;
    text::Word m_word;
    text::WordForms m_forms;
    text::WordForms m_surface_forms;
    TermTable m_terms;
    TermTable m_seen_surfaces;
    TermTable m_word_cache; // spelling (with part boundaries) → its entry in m_cached_start
    std::u32string m_cache_key;
    std::vector<std::uint32_t> m_cached_start;
    std::vector<std::uint32_t> m_cached_terms;
    std::vector<std::array<std::uint16_t, k_field_count>> m_frequency; // per term, for the current article
    std::vector<std::uint32_t> m_touched;
    std::vector<Occurrence> m_occurrences;
    std::vector<std::array<float, k_field_count>> m_lengths;
    Vocabulary m_vocabulary;
};

} // namespace

SearchIndex SearchIndex::build(std::vector<SearchableArticle> articles) {
    SearchIndex index;
    index.m_articles = std::move(articles);
    if (!index.m_articles.empty())
        index.m_language = text::language_from_tag(index.m_articles.front().language);

    IndexBuilder builder(index.m_language);
    for (std::uint32_t article = 0; article < index.m_articles.size(); ++article)
        builder.add_article(article, index.m_articles[article]);

    const std::size_t article_count = index.m_articles.size();
    std::array<float, k_field_count> average_length{};
    for (const auto& length : builder.lengths())
        for (std::size_t f = 0; f < k_field_count; ++f)
            average_length[f] += length[f];
    for (float& average : average_length)
        average = article_count > 0 ? average / static_cast<float>(article_count) : 0;

    // Postings grouped by term (a counting sort keeps articles ascending within a term).
    const std::size_t term_count = builder.term_count();
    index.m_posting_start.assign(term_count + 1, 0);
    for (const Occurrence& occurrence : builder.occurrences())
        ++index.m_posting_start[occurrence.term + 1];
    for (std::size_t term = 0; term < term_count; ++term)
        index.m_posting_start[term + 1] += index.m_posting_start[term];
    index.m_idf.resize(term_count);
    for (std::size_t term = 0; term < term_count; ++term)
        index.m_idf[term] =
            bm25_idf(article_count, index.m_posting_start[term + 1] - index.m_posting_start[term]);
    index.m_rarest_idf = bm25_idf(article_count, 1);

    const Bm25fParameters parameters;
    index.m_postings.resize(builder.occurrences().size());
    std::vector<std::uint32_t> next(index.m_posting_start.begin(), index.m_posting_start.end() - 1);
    for (const Occurrence& occurrence : builder.occurrences()) {
        std::array<float, k_field_count> frequency{};
        for (std::size_t f = 0; f < k_field_count; ++f)
            frequency[f] = occurrence.frequency[f];
        const float term_frequency = bm25f_term_frequency(
            parameters, frequency, builder.lengths()[occurrence.article], average_length);
        index.m_postings[next[occurrence.term]++] = Posting{
            occurrence.article, bm25f_score(parameters, index.m_idf[occurrence.term], term_frequency)};
    }
    index.m_vocabulary = std::move(builder.vocabulary());
    index.m_vocabulary.finish();
    return index;
}

std::size_t SearchIndex::memory_bytes() const {
    return m_vocabulary.memory_bytes() + m_posting_start.capacity() * sizeof(std::uint32_t) +
           m_postings.capacity() * sizeof(Posting) + m_idf.capacity() * sizeof(float);
}

} // namespace support::search
