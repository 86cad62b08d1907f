// BM25F scores of single-term queries against values computed by hand from the formula in
// shared/core/search/bm25f.h (k1 = 1.2; weights title 5, body 1; b title 0.4, body 0.75).
#include "catch_amalgamated.hpp"
#include "shared/core/search/search_index.h"

using namespace support::search;
using Catch::Matchers::WithinAbs;

namespace {

SearchIndex three_articles() {
    return SearchIndex::build({
        {"returns", "en", "Return policy", "You can return items within 30 days.", {}, {}, {}, {}},
        {"shipping", "en", "Shipping times", "We ship worldwide in 5 days.", {}, {}, {}, {}},
        {"gift-cards", "en", "Gift cards", "Gift cards cannot be returned.", {}, {}, {}, {}},
    });
}

} // namespace

TEST_CASE("A title-only term scores idf times the saturated title weight") {
    // df = 1 of N = 3: idf = ln(1 + 2.5 / 1.5) = 0.980829; every title has 2 words, so
    // tf~ = 5 · 1 / 1 = 5 and score = 0.980829 · 5 · 2.2 / 6.2 = 1.740181.
    const auto hits = three_articles().rank("policy ", {}, 10);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].article == 0);
    CHECK_THAT(hits[0].score, WithinAbs(1.740181, 1e-4));
}

TEST_CASE("A body term is normalised by the body's length") {
    // Bodies have 7, 6 and 5 words (average 6); "worldwide" is in the 6-word one:
    // tf~ = 1 / (0.25 + 0.75 · 6/6) = 1, score = idf · 1 · 2.2 / 2.2 = 0.980829.
    const auto hits = three_articles().rank("worldwide ", {}, 10);
    REQUIRE(hits.size() == 1);
    CHECK_THAT(hits[0].score, WithinAbs(0.980829, 1e-4));
}

TEST_CASE("Title and body frequencies add up before saturation") {
    // "return" (stem of return/returned) is in article 0's title and body and article 2's body:
    // df = 2, idf = ln(1 + 1.5 / 2.5) = 0.470004.
    //   article 0: tf~ = 5 / (0.6 + 0.4 · 2/2) + 1 / (0.25 + 0.75 · 7/6) = 5.888889 → 0.858972
    //   article 2: tf~ = 1 / (0.25 + 0.75 · 5/6) = 1.142857 → 0.504394
    const auto hits = three_articles().rank("return ", {}, 10);
    REQUIRE(hits.size() == 2);
    CHECK(hits[0].article == 0);
    CHECK_THAT(hits[0].score, WithinAbs(0.858972, 1e-4));
    CHECK(hits[1].article == 2);
    CHECK_THAT(hits[1].score, WithinAbs(0.504394, 1e-4));
}
