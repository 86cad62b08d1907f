#include "catch_amalgamated.hpp"
#include "shared/core/search/vocabulary.h"

#include <algorithm>

using namespace support::search;

namespace {

Vocabulary make_vocabulary() {
    Vocabulary vocabulary;
    std::uint32_t term = 0;
    for (std::u32string_view word : {U"return", U"returns", U"retina", U"policy", U"police", U"polish",
                                     U"ship", U"shipping", U"shipment", U"international"})
        vocabulary.add(word, term++);
    vocabulary.add(U"return", 99); // a repeated spelling keeps its first term
    vocabulary.finish();
    return vocabulary;
}

std::vector<std::uint32_t> terms_of(const std::vector<Vocabulary::Match>& matches) {
    std::vector<std::uint32_t> terms;
    for (const auto& match : matches)
        terms.push_back(match.term);
    std::sort(terms.begin(), terms.end());
    return terms;
}

} // namespace

TEST_CASE("Exact spellings find their term") {
    const Vocabulary vocabulary = make_vocabulary();
    CHECK(vocabulary.find(U"return") == 0u);
    CHECK(vocabulary.find(U"shipping") == 7u);
    CHECK_FALSE(vocabulary.find(U"retur").has_value());
    CHECK(vocabulary.size() == 10);
}

TEST_CASE("A prefix finds the longer words that start with it") {
    const Vocabulary vocabulary = make_vocabulary();
    std::vector<Vocabulary::Match> matches;
    vocabulary.find_extensions(U"ship", 10, matches);
    CHECK(terms_of(matches) == std::vector<std::uint32_t>{7, 8}); // not "ship" itself
    matches.clear();
    vocabulary.find_extensions(U"pol", 2, matches);
    CHECK(matches.size() == 2); // the limit holds
}

TEST_CASE("Typo search finds words within the allowed edits, transpositions included") {
    const Vocabulary vocabulary = make_vocabulary();
    std::vector<Vocabulary::Match> matches;
    vocabulary.find_within(U"retrun", 1, matches);
    CHECK(terms_of(matches) == std::vector<std::uint32_t>{0});
    matches.clear();
    vocabulary.find_within(U"polcy", 1, matches);
    CHECK(terms_of(matches) == std::vector<std::uint32_t>{3});
    matches.clear();
    vocabulary.find_within(U"internatoinl", 2, matches); // a swap and a dropped letter
    CHECK(terms_of(matches) == std::vector<std::uint32_t>{9});
    matches.clear();
    vocabulary.find_within(U"internatoinl", 1, matches);
    CHECK(matches.empty());
}

TEST_CASE("Typo search takes the first letter as typed or swapped with the second") {
    const Vocabulary vocabulary = make_vocabulary();
    std::vector<Vocabulary::Match> matches;
    vocabulary.find_within(U"erturn", 1, matches); // first two letters swapped
    CHECK(terms_of(matches) == std::vector<std::uint32_t>{0});
    matches.clear();
    vocabulary.find_within(U"teturn", 1, matches); // the first letter itself mistyped
    CHECK(matches.empty());
}
