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

TEST_CASE("a bucket kept elsewhere spends and regains like the limiter's, and a clock going back "
          "regains nothing",
          "[rate_limit]") {
    const RateLimit limit{.burst = 5, .per_minute = 1};
    TokenBucket bucket = full_bucket(limit, 1'000'000);
    for (int i = 0; i < 5; ++i)
        CHECK_FALSE(spend_token(bucket, limit, 1'000'000));
    CHECK(spend_token(bucket, limit, 1'000'000) == 60'000);
    CHECK(spend_token(bucket, limit, 1'030'000) == 30'000); // half an attempt regained
    CHECK(spend_token(bucket, limit, 990'000) == 30'000);   // the wall clock stepped back: no more
    CHECK_FALSE(spend_token(bucket, limit, 1'060'000));
    return_token(bucket, limit, 1'060'000);
    CHECK(bucket.tokens == 1);
    CHECK(refill_time_ms(limit) == 300'000);
    CHECK(refill_time_ms({.burst = 20, .per_minute = 10}) == 120'000);
}
