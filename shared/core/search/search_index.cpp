// SearchIndex queries: each query word becomes weighted candidate terms (exact forms, the word
// being typed as a prefix, spellings within the typo allowance); an article's score is the sum
// over query words of its best candidate's BM25F score times that candidate's weight, scaled by
// how much of the query the article covers and by its ties to the current page.

#include "shared/core/search/search_index.h"
#include "shared/core/search/edit_distance.h"
#include "shared/core/search/page_match.h"
#include "shared/core/text/stop_words.h"
#include "shared/core/text/word_breaker.h"
#include "shared/core/text/word_forms.h"

#include <algorithm>
#include <cmath>

namespace support::search {

namespace {

constexpr std::size_t k_min_prefix_letters = 2;
constexpr std::size_t k_max_prefix_extensions = 48;
constexpr float k_prefix_floor = 0.3f; // weight of a one-letter-typed extension tends to this
constexpr float k_part_weight = 0.9f;  // a part of a compound standing for the whole
// Typo search runs only for words the index does not know, so a close spelling is most likely
// what was meant.
constexpr float k_one_typo_weight = 0.85f;
constexpr float k_two_typos_weight = 0.7f;
// An article matching every query word scores up to 1 / 0.85 ≈ 18 % above one matching few.
constexpr float k_coverage_floor = 0.85f;
constexpr float k_page_boost = 0.25f;
constexpr float k_product_boost = 0.35f;
constexpr float k_function_word_weight = 0.3f;
constexpr float k_confident_coverage = 0.75f;

void add_candidate(std::vector<std::pair<std::uint32_t, float>>& candidates, std::uint32_t term,
                   float weight) {
    for (auto& [existing, best] : candidates) {
        if (existing == term) {
            best = std::max(best, weight);
            return;
        }
    }
    candidates.emplace_back(term, weight);
}

bool ends_with(std::u32string_view word, std::u32string_view tail) {
    return word.size() >= tail.size() && word.substr(word.size() - tail.size()) == tail;
}

} // namespace

std::vector<SearchIndex::QueryWord> SearchIndex::analyse_query(std::string_view query) const {
    std::vector<QueryWord> words;
    text::WordBreaker breaker(query);
    text::Word word;
    text::WordForms forms;
    std::vector<Vocabulary::Match> matches;
    std::vector<std::pair<std::uint32_t, float>> candidates;
    while (breaker.next(word)) {
        candidates.clear();
        forms.clear();
        text::append_word_forms(m_language, word.folded, forms);
        const std::size_t whole_forms = forms.size();
        if (word.part_count() > 1)
            for (std::size_t part = 0; part < word.part_count(); ++part)
                text::append_word_forms(m_language, word.part(part), forms);
        for (std::size_t i = 0; i < forms.size(); ++i) {
            const float weight = forms.weight(i) * (i < whole_forms ? 1.0f : k_part_weight);
            if (const auto term = m_vocabulary.find(forms.text(i)))
                add_candidate(candidates, *term, weight);
        }

        // The word being typed: no separator after it yet.
        const bool being_typed = word.end == query.size();
        if (being_typed && word.folded.size() >= k_min_prefix_letters) {
            const auto extend = [&](std::u32string_view prefix, float form_weight) {
                matches.clear();
                m_vocabulary.find_extensions(prefix, k_max_prefix_extensions, matches);
                for (const Vocabulary::Match& match : matches) {
                    const float typed = static_cast<float>(prefix.size()) / static_cast<float>(match.letters);
                    add_candidate(candidates, match.term,
                                  form_weight * (k_prefix_floor + (1 - k_prefix_floor) * typed));
                }
            };
            extend(word.folded, 1.0f);
            for (std::size_t i = 0; i < whole_forms; ++i)
                if (forms.text(i).size() >= k_min_prefix_letters &&
                    forms.text(i).size() < word.folded.size() && ends_with(word.folded, forms.text(i)))
                    extend(forms.text(i), forms.weight(i));
        }

        // Typo search only for a word the index does not know as typed (nor, while typing, as
        // the start of a word): a known word is taken as meant, and the walk is skipped.
        const int edits = max_typo_edits(word.folded.size());
        if (edits > 0 && candidates.empty()) {
            matches.clear();
            m_vocabulary.find_within(word.folded, edits, matches);
            for (const Vocabulary::Match& match : matches)
                add_candidate(candidates, match.term,
                              match.edits == 1 ? k_one_typo_weight : k_two_typos_weight);
        }

        // Stop words ("do", "you"; "של"; "في"; "که") count for little, and alone never make a hit.
        QueryWord query_word;
        query_word.stop_word = text::is_stop_word(m_language, word.folded);
        if (query_word.stop_word)
            for (auto& entry : candidates)
                entry.second *= k_function_word_weight;

        // A word's importance is the idf of its best reading (the spelling as typed, else the
        // closest variant); a word the index does not know at all counts as the rarest.
        query_word.importance = m_rarest_idf;
        float best_weight = 0;
        for (const auto& [term, weight] : candidates) {
            query_word.candidates.push_back(Candidate{term, weight});
            if (weight > best_weight || (weight == best_weight && m_idf[term] > query_word.importance)) {
                best_weight = weight;
                query_word.importance = m_idf[term];
            }
        }
        words.push_back(std::move(query_word));
    }
    return words;
}

float SearchIndex::context_boost(const SearchableArticle& article, const PageContext& page) const {
    float boost = 1.0f;
    for (const std::string& pattern : article.pages) {
        if (page_pattern_matches(pattern, page.path)) {
            boost += k_page_boost;
            break;
        }
    }
    const auto product_matches = [&](const std::string& reference) {
        if (product_reference_matches(reference, page.product_sku, {}))
            return true;
        for (const std::string& category : page.categories)
            if (product_reference_matches(reference, {}, category))
                return true;
        return false;
    };
    for (const std::string& reference : article.products) {
        if (product_matches(reference)) {
            boost += k_product_boost;
            break;
        }
    }
    return boost;
}

std::vector<SearchHit> SearchIndex::rank(std::string_view query, const PageContext& page,
                                         std::size_t limit) const {
    return rank_words(analyse_query(query), page, limit);
}

std::vector<SearchHit> SearchIndex::rank_words(const std::vector<QueryWord>& words, const PageContext& page,
                                               std::size_t limit) const {
    if (words.empty() || limit == 0)
        return {};

    const std::size_t count = m_articles.size();
    std::vector<float> score(count, 0), covered(count, 0), word_score(count, 0), word_weight(count, 0);
    std::vector<float> content_covered(count, 0);      // importance of the content words matched
    std::vector<std::uint8_t> content_words(count, 0); // content words matched: 0, 1, or 2 for more
    std::vector<std::uint8_t> seen(count, 0);
    std::vector<std::uint32_t> touched, word_touched;
    float total_importance = 0;
    float content_importance = 0; // of the words that are not stop words
    // Content words the index does not know in any reading: what the shopper asks about that no
    // article mentions ("helicopters").
    float unknown_importance = 0;
    bool has_content_word = false;
    for (const QueryWord& word : words) {
        total_importance += word.importance;
        if (!word.stop_word) {
            has_content_word = true;
            content_importance += word.importance;
            if (word.candidates.empty())
                unknown_importance += word.importance;
        }
        for (const Candidate& candidate : word.candidates) {
            for (std::uint32_t p = m_posting_start[candidate.term]; p < m_posting_start[candidate.term + 1];
                 ++p) {
                const Posting& posting = m_postings[p];
                const float value = candidate.weight * posting.score;
                if (word_weight[posting.article] == 0)
                    word_touched.push_back(posting.article);
                word_score[posting.article] = std::max(word_score[posting.article], value);
                word_weight[posting.article] = std::max(word_weight[posting.article], candidate.weight);
            }
        }
        for (std::uint32_t article : word_touched) {
            if (!seen[article]) {
                seen[article] = 1;
                touched.push_back(article);
            }
            score[article] += word_score[article];
            covered[article] += word.importance * word_weight[article];
            if (!word.stop_word) {
                content_covered[article] += word.importance * word_weight[article];
                if (content_words[article] < 2)
                    ++content_words[article];
            }
            word_score[article] = 0;
            word_weight[article] = 0;
        }
        word_touched.clear();
    }

    std::vector<std::uint32_t> content_terms; // filled when first needed
    std::vector<SearchHit> hits;
    hits.reserve(touched.size());
    // An answer needs a content word of the question. An article matched on one content word,
    // beside content words no article knows, does not answer on its own: "do you sell helicopters"
    // is not answered by "sell". It stays (where it ranks) only beside a better-founded hit, or
    // when that word is what the article is about — in its title. (Not its tags or synonyms, which
    // name what an article touches: "sell" is a synonym of trading in used gear.)
    const auto weak = [&](std::uint32_t article) {
        return content_words[article] == 1 && content_covered[article] < unknown_importance;
    };
    bool any_well_founded = false;
    for (std::uint32_t article : touched)
        if (content_words[article] > 0 && !weak(article))
            any_well_founded = true;
    for (std::uint32_t article : touched) {
        if (has_content_word && content_words[article] == 0)
            continue;
        // Titles are read only when nothing else answers, so ordinary queries pay nothing for it.
        if (has_content_word && !any_well_founded && weak(article)) {
            if (content_terms.empty())
                content_terms = matched_terms(words);
            if (!title_names_any(m_articles[article], content_terms))
                continue;
        }
        const float coverage = total_importance > 0 ? covered[article] / total_importance : 0;
        SearchHit hit;
        hit.article = article;
        hit.score = score[article] * (k_coverage_floor + (1 - k_coverage_floor) * coverage) *
                    context_boost(m_articles[article], page);
        hit.coverage = coverage;
        hit.content_coverage =
            content_importance > 0 ? content_covered[article] / content_importance : coverage;
        hit.confident = coverage >= k_confident_coverage;
        hits.push_back(std::move(hit));
    }
    const auto better = [](const SearchHit& a, const SearchHit& b) {
        return a.score != b.score ? a.score > b.score : a.article < b.article;
    };
    if (hits.size() > limit) {
        std::partial_sort(hits.begin(), hits.begin() + static_cast<std::ptrdiff_t>(limit), hits.end(),
                          better);
        hits.resize(limit);
    } else {
        std::sort(hits.begin(), hits.end(), better);
    }
    return hits;
}

std::vector<SearchHit> SearchIndex::search(std::string_view query, const PageContext& page,
                                           std::size_t limit) const {
    const std::vector<QueryWord> words = analyse_query(query);
    std::vector<SearchHit> hits = rank_words(words, page, limit);
    const std::vector<std::uint32_t> terms = matched_terms(words);
    for (SearchHit& hit : hits)
        highlight_terms(terms, hit);
    return hits;
}

std::vector<std::uint32_t> SearchIndex::suggestions_for(const PageContext& page, std::size_t limit) const {
    std::vector<std::pair<float, std::uint32_t>> tied;
    for (std::uint32_t article = 0; article < m_articles.size(); ++article) {
        const float boost = context_boost(m_articles[article], page);
        if (boost > 1.0f)
            tied.emplace_back(boost, article);
    }
    std::stable_sort(tied.begin(), tied.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::uint32_t> suggestions;
    for (std::size_t i = 0; i < tied.size() && i < limit; ++i)
        suggestions.push_back(tied[i].second);
    return suggestions;
}

} // namespace support::search
