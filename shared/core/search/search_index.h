#pragma once
// On-device FAQ search: BM25F over title, tags, synonyms and body, with prefix matching of the
// word being typed, typo tolerance scaled by word length, per-language folding (shared/core/text)
// and a boost for articles tied to the current page or product.
//
//   SearchIndex index = SearchIndex::build(articles);
//   for (const SearchHit& hit : index.search("retrn polcy", page, 10)) …

#include "shared/core/search/vocabulary.h"
#include "shared/core/text/language.h"
#include "shared/core/text/word_breaker.h"
#include "shared/core/text/word_forms.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support::search {

struct ByteRange {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    friend bool operator==(const ByteRange&, const ByteRange&) = default;
};

// What the index needs of an article; body_text is the plain text of the Markdown body
// (content::to_plain_text), so snippet ranges point into it.
struct SearchableArticle {
    std::string id;
    std::string language; // "en", "he", "ar", "fa", …: picks the folding and stemming rules
    std::string title;
    std::string body_text;
    std::vector<std::string> tags;
    std::vector<std::string> synonyms;
    std::vector<std::string> pages;    // URL path patterns, '*' matches any run of characters
    std::vector<std::string> products; // SKUs or "category:<name>"
};

// Where the shopper is: articles tied to this page or product rank higher and are suggested
// before the shopper types.
struct PageContext {
    std::string path;                    // location.pathname
    std::string product_sku;             // from the page's Product JSON-LD, or the site's context
    std::vector<std::string> categories; // matched against "category:<name>"
};

struct SearchHit {
    std::uint32_t article = 0; // index into the articles given to build()
    float score = 0;
    float coverage = 0; // share of the query's weight the article matched, 0–1 (stop words weigh little)
    float content_coverage = 0; // the same over the query's content words alone (all of it when it has none)
    bool confident = false;     // coverage clears the threshold the chat bot answers from
    std::vector<ByteRange> title_highlights;   // into the article's title
    ByteRange snippet;                         // into body_text, on whole words
    std::vector<ByteRange> snippet_highlights; // into body_text, inside snippet
};

class SearchIndex {
  public:
    // Builds the index; articles keep their order (SearchHit::article indexes into it). The
    // language of the first article picks how queries are analysed.
    static SearchIndex build(std::vector<SearchableArticle> articles);

    // Ranked hits with title highlights and a highlighted snippet. An empty or blank query gives
    // no hits.
    std::vector<SearchHit> search(std::string_view query, const PageContext& page, std::size_t limit) const;
    // The same ranking without highlights: for the chat bot and for measuring ranking alone.
    std::vector<SearchHit> rank(std::string_view query, const PageContext& page, std::size_t limit) const;
    // The share of the query's content words (their weight) the article's title names, 0–1: a
    // question asked in the words of an article's title is that article's question (the chat bot).
    float title_coverage(std::string_view query, std::uint32_t article) const;
    // Fills the title highlights, snippet and snippet highlights of a hit of `query`.
    void highlight(std::string_view query, SearchHit& hit) const;

    // Articles tied to the page or its product, best match first; empty when none are.
    std::vector<std::uint32_t> suggestions_for(const PageContext& page, std::size_t limit) const;

    const SearchableArticle& article(std::uint32_t index) const { return m_articles[index]; }
    std::size_t size() const { return m_articles.size(); }
    // Bytes held by the index structures (not the article texts).
    std::size_t memory_bytes() const;

  private:
    struct Posting {
        std::uint32_t article;
        float score; // the term's BM25F score in this article
    };
    struct Candidate {
        std::uint32_t term;
        float weight; // how much a match on this term counts for the query word: 1 exact, less for variants
    };
    struct QueryWord {
        std::vector<Candidate> candidates;
        float importance = 0;   // idf of the word's best candidate, or the rarest possible idf if it has none
        bool stop_word = false; // text::is_stop_word: weighs little, never highlighted, never a hit alone
    };

    std::vector<QueryWord> analyse_query(std::string_view query) const;
    std::vector<SearchHit> rank_words(const std::vector<QueryWord>& words, const PageContext& page,
                                      std::size_t limit) const;
    // The terms any query word matched, sorted: what highlighting marks.
    std::vector<std::uint32_t> matched_terms(const std::vector<QueryWord>& words) const;
    void highlight_terms(const std::vector<std::uint32_t>& terms, SearchHit& hit) const;
    // Whether the article's title holds one of the terms (sorted).
    bool title_names_any(const SearchableArticle& article, const std::vector<std::uint32_t>& terms) const;
    // Whether a word of an article is one of the terms (sorted) a query matched.
    // `forms` is scratch space, reused across words.
    bool word_matches(const text::Word& word, const std::vector<std::uint32_t>& terms,
                      text::WordForms& forms) const;
    float context_boost(const SearchableArticle& article, const PageContext& page) const;

    std::vector<SearchableArticle> m_articles;
    text::Language m_language = text::Language::Other;
    Vocabulary m_vocabulary;
    std::vector<std::uint32_t> m_posting_start; // per term; one extra entry at the end
    std::vector<Posting> m_postings;
    std::vector<float> m_idf; // per term
    float m_rarest_idf = 0;
};

} // namespace support::search
