#include "catch_amalgamated.hpp"

#include "shared/core/feedback/unanswered_search_log.h"

using namespace support;
using namespace support::feedback;

TEST_CASE("a search that settles with nothing found is kept for the next visit; its prefixes are not",
          "[unanswered_search_log]") {
    persistence::MemoryKeyValueStore store;
    {
        UnansweredSearchLog log(store);
        log.load();
        CHECK(log.query_changed("zx", 0, 0).has_value());
        CHECK(log.query_changed("zxq", 0, 100) == UnansweredQueryWatch::k_settle_ms);
        REQUIRE(log.poll(200));
        CHECK(log.queries().empty());
        REQUIRE(log.poll(100 + UnansweredQueryWatch::k_settle_ms));
        REQUIRE(log.queries().entries().size() == 1);
        CHECK(log.queries().entries().front().query == "zxq");
    }
    UnansweredSearchLog next_visit(store);
    next_visit.load();
    REQUIRE(next_visit.queries().entries().size() == 1);
    CHECK(next_visit.queries().entries().front().query == "zxq");
}

TEST_CASE("leaving a search that found nothing records it at once; a full store says so",
          "[unanswered_search_log]") {
    persistence::MemoryKeyValueStore store;
    store.set_quota_bytes(8);
    UnansweredSearchLog log(store);
    log.query_changed("משלוח לאילת", 0, 0);
    const auto kept = log.leave(10);
    REQUIRE_FALSE(kept);
    CHECK(kept.error().code == "web.storage.quota_exceeded");
    CHECK(log.queries().entries().size() == 1); // counted for this visit regardless
}
