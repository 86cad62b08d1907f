#include "catch_amalgamated.hpp"
#include "shared/core/feedback/unanswered_queries.h"

#include <string>

using support::feedback::fold_unanswered_query;
using support::feedback::UnansweredQueries;
using support::feedback::UnansweredQuery;
using support::feedback::UnansweredQueryWatch;

TEST_CASE("queries that differ only in case and spacing are counted as one", "[search][unanswered]") {
    UnansweredQueries log;
    CHECK(log.record("  Zxqv   Kettlebell ", 1000));
    CHECK(log.record("zxqv kettlebell", 5000));
    REQUIRE(log.entries().size() == 1);
    CHECK(log.entries()[0] == UnansweredQuery{"zxqv kettlebell", 2, 1000, 5000});
}

TEST_CASE("a query of only spaces is not recorded", "[search][unanswered]") {
    UnansweredQueries log;
    CHECK_FALSE(log.record(" \t ", 1000));
    CHECK(log.empty());
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
    CHECK(folded.size() <= UnansweredQueries::k_max_query_bytes);
    CHECK(folded.size() == 199); // "a" + 99 whole letters; byte 200 would split the 100th
    CHECK(folded.substr(1, 2) == "ש");
}

TEST_CASE("a full log makes room by dropping the query seen least recently", "[search][unanswered]") {
    UnansweredQueries log(2);
    log.record("first", 1000);
    log.record("second", 2000);
    log.record("first", 3000); // seen again: "second" is now the stalest
    log.record("third", 4000);
    REQUIRE(log.entries().size() == 2);
    CHECK(log.entries()[0].query == "first");
    CHECK(log.entries()[1].query == "third");
}

TEST_CASE("the log survives a round trip through its storage text", "[search][unanswered]") {
    UnansweredQueries log;
    log.record("zxqv kettlebell", 1700000000000);
    log.record("gift wrap", 1700000001000);
    log.record("zxqv kettlebell", 1700000002000);
    const std::string text = log.to_storage_text();
    CHECK(text.rfind("sw-unanswered 1\n", 0) == 0);
    auto restored = UnansweredQueries::from_storage_text(text);
    REQUIRE(restored.has_value());
    CHECK(restored->entries() == log.entries());
}

TEST_CASE("stored text that is not a log is an error value, never a crash", "[search][unanswered]") {
    for (const char* text : {"", "garbage", "sw-unanswered 2\n", "sw-unanswered 1\nx 1 2 q\n",
                             "sw-unanswered 1\n1 2\n", "sw-unanswered 1\n0 1 2 q\n",
                             "sw-unanswered 1\n1 2 3 \n", "sw-unanswered 1\n99999999999999999999 1 2 q\n"}) {
        INFO(text);
        auto restored = UnansweredQueries::from_storage_text(text);
        REQUIRE_FALSE(restored.has_value());
        CHECK(restored.error().code == "search.unanswered.bad_format");
    }
}

TEST_CASE("stored text with more entries than the capacity keeps the most recent", "[search][unanswered]") {
    auto restored = UnansweredQueries::from_storage_text(
        "sw-unanswered 1\n1 10 10 old\n1 20 20 new\n1 30 30 newest\n", 2);
    REQUIRE(restored.has_value());
    REQUIRE(restored->entries().size() == 2);
    CHECK(restored->entries()[0].query == "new");
    CHECK(restored->entries()[1].query == "newest");
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
