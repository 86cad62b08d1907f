#include "catch_amalgamated.hpp"

#include "server/middleware/rate_limit.h"

using namespace support::server;

TEST_CASE("a bucket spends its burst, then refills at its rate", "[rate_limit]") {
    std::int64_t now = 0;
    RateLimiter limiter({.burst = 2, .per_minute = 60}, [&] { return now; });
    CHECK_FALSE(limiter.take("a"));
    CHECK_FALSE(limiter.take("a"));
    CHECK(limiter.take("a") == 1000);
    now += 500;
    CHECK(limiter.take("a") == 500);
    now += 500;
    CHECK_FALSE(limiter.take("a"));
    CHECK_FALSE(limiter.take("b")); // keys are independent
    now += 60'000;
    CHECK_FALSE(limiter.take("a"));
    CHECK_FALSE(limiter.take("a"));
    CHECK(limiter.take("a")); // refilled to the burst, no further
}

TEST_CASE("the table of buckets stays bounded under a flood of keys", "[rate_limit]") {
    std::int64_t now = 0;
    RateLimiter limiter(
        {.burst = 5, .per_minute = 60}, [&] { return now; }, 100);
    for (int i = 0; i < 10'000; ++i) {
        limiter.take("10.0." + std::to_string(i / 256) + "." + std::to_string(i % 256));
        ++now;
    }
    CHECK(limiter.key_count() <= 100);
}

TEST_CASE("a token given back can be spent again, but never past the burst", "[rate_limit]") {
    std::int64_t now = 0;
    RateLimiter limiter({.burst = 2, .per_minute = 1}, [&] { return now; });
    CHECK_FALSE(limiter.take("a"));
    CHECK_FALSE(limiter.take("a"));
    CHECK(limiter.take("a"));
    limiter.give_back("a");
    CHECK_FALSE(limiter.take("a"));
    CHECK(limiter.take("a"));
    limiter.give_back("a");
    limiter.give_back("a");
    limiter.give_back("a");
    CHECK_FALSE(limiter.take("a"));
    CHECK_FALSE(limiter.take("a"));
    CHECK(limiter.take("a"));     // two at most
    limiter.give_back("unknown"); // nothing to give back to
    CHECK(limiter.key_count() == 1);
}
