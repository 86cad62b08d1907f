#include "catch_amalgamated.hpp"
#include "shared/core/search/edit_distance.h"

using namespace support::search;

TEST_CASE("Typo allowance grows with word length: none under 5 letters, 1 up to 8, 2 from 9") {
    CHECK(max_typo_edits(4) == 0);
    CHECK(max_typo_edits(5) == 1);
    CHECK(max_typo_edits(8) == 1);
    CHECK(max_typo_edits(9) == 2);
    CHECK(max_typo_edits(14) == 2);
}

TEST_CASE("A transposition of two neighbouring letters is one edit") {
    CHECK(osa_distance(U"return", U"retrun") == 1);
    CHECK(osa_distance(U"return", U"retrn") == 1);  // dropped letter
    CHECK(osa_distance(U"return", U"rwturn") == 1); // neighbouring key
    CHECK(osa_distance(U"return", U"return") == 0);
    CHECK(osa_distance(U"policy", U"pilocy") == 2);
    CHECK(osa_distance(U"", U"abc") == 3);
}
