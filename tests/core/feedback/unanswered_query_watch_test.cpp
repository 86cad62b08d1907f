#include "catch_amalgamated.hpp"
#include "shared/core/feedback/unanswered_query_watch.h"

#include <string>

using support::feedback::fold_unanswered_query;
using support::feedback::UnansweredQueryWatch;

TEST_CASE("queries that differ only in case and spacing fold alike; only spaces fold to nothing",
          "[search][unanswered]") {
    CHECK(fold_unanswered_query("  Zxqv   Kettlebell ") == "zxqv kettlebell");
    CHECK(fold_unanswered_query(" \t ").empty());
}

TEST_CASE("Hebrew and Arabic queries are kept as typed, only spacing folded", "[search][unanswered]") {
    CHECK(fold_unanswered_query(" החזרת   מוצר ") == "החזרת מוצר");
    CHECK(fold_unanswered_query("إرجاع\tالطلب") == "إرجاع الطلب");
}

TEST_CASE("a very long query is cut without splitting a UTF-8 sequence", "[search][unanswered]") {
    std::string query;
    for (int i = 0; i < 150; ++i)
        query += "ש"; // two bytes each: 300 bytes
    const std::string folded = fold_unanswered_query("a" + query);
    CHECK(folded.size() <= support::feedback::k_max_unanswered_query_bytes);
    CHECK(folded.size() == 199); // "a" + 99 whole letters; byte 200 would split the 100th
    CHECK(folded.substr(1, 2) == "ש");
}

TEST_CASE("a query with no result settles after the shopper stops typing for 1.5 s", "[search][unanswered]") {
    UnansweredQueryWatch watch;
    watch.update("z", 0, 0);
    watch.update("zx", 0, 200);
    watch.update("zxqv", 0, 400);
    CHECK(watch.poll(1000) == std::nullopt);
    CHECK(watch.due_in(1000) == 900);
    CHECK(watch.poll(1899) == std::nullopt);
    CHECK(watch.poll(1900) == "zxqv");
    CHECK(watch.poll(5000) == std::nullopt); // once
    CHECK(watch.due_in(5000) == std::nullopt);
}

TEST_CASE("the prefixes typed on the way to a query are never recorded", "[search][unanswered]") {
    UnansweredQueryWatch watch;
    int settled = 0;
    std::int64_t now = 0;
    for (const char* typed : {"z", "zx", "zxq", "zxqv"}) {
        watch.update(typed, 0, now);
        now += 300;
        if (watch.poll(now))
            ++settled;
    }
    CHECK(settled == 0);
    CHECK(watch.poll(now + 1500) == "zxqv");
}

TEST_CASE("a query that found articles is never recorded", "[search][unanswered]") {
    UnansweredQueryWatch watch;
    watch.update("return policy", 3, 0);
    CHECK(watch.poll(10000) == std::nullopt);
    CHECK(watch.leave() == std::nullopt);
}

TEST_CASE("leaving a query before it settles records it at once", "[search][unanswered]") {
    UnansweredQueryWatch watch;
    watch.update("zxqv kettlebell", 0, 0);
    CHECK(watch.leave() == "zxqv kettlebell");
    CHECK(watch.poll(10000) == std::nullopt);
}

TEST_CASE("a settled query is not counted again when the shopper then leaves", "[search][unanswered]") {
    UnansweredQueryWatch watch;
    watch.update("zxqv", 0, 0);
    CHECK(watch.poll(2000) == "zxqv");
    CHECK(watch.leave() == std::nullopt);
}

TEST_CASE("an emptied search field has nothing pending", "[search][unanswered]") {
    UnansweredQueryWatch watch;
    watch.update("zxqv", 0, 0);
    watch.update("", 0, 100);
    CHECK(watch.due_in(100) == std::nullopt);
    CHECK(watch.poll(5000) == std::nullopt);
}
