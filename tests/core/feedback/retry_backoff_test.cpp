// Backoff: the ceiling doubles from the base up to the cap, and full jitter stays below it.
#include "catch_amalgamated.hpp"

#include "shared/core/feedback/retry_backoff.h"

#include <cmath>
#include <limits>

using namespace support::feedback;

TEST_CASE("the backoff ceiling doubles per failed attempt from 1 s and stops at 5 min") {
    const BackoffPolicy policy;
    CHECK(backoff_ceiling_ms(policy, 0) == 1'000);
    CHECK(backoff_ceiling_ms(policy, 1) == 1'000);
    CHECK(backoff_ceiling_ms(policy, 2) == 2'000);
    CHECK(backoff_ceiling_ms(policy, 3) == 4'000);
    CHECK(backoff_ceiling_ms(policy, 9) == 256'000);
    CHECK(backoff_ceiling_ms(policy, 10) == 300'000);
    CHECK(backoff_ceiling_ms(policy, 64) == 300'000);
    CHECK(backoff_ceiling_ms(policy, std::numeric_limits<std::uint32_t>::max()) == 300'000);
}

TEST_CASE("a large factor reaches the cap without overflowing") {
    const BackoffPolicy policy{1'000, 1'000'000, 3'600'000};
    CHECK(backoff_ceiling_ms(policy, 2) == 3'600'000);
    CHECK(backoff_ceiling_ms(policy, 200) == 3'600'000);
}

TEST_CASE("full jitter spreads the delay over [0, ceiling)") {
    const BackoffPolicy policy;
    CHECK(backoff_delay_ms(policy, 3, 0.0) == 0);
    CHECK(backoff_delay_ms(policy, 3, 0.5) == 2'000);
    CHECK(backoff_delay_ms(policy, 3, 0.999999) == 3'999);
    CHECK(backoff_delay_ms(policy, 3, std::nextafter(1.0, 0.0)) == 3'999);
}

TEST_CASE("a random value outside [0, 1) cannot push the delay past the ceiling") {
    const BackoffPolicy policy;
    CHECK(backoff_delay_ms(policy, 2, 1.0) == 1'999);
    CHECK(backoff_delay_ms(policy, 2, 7.5) == 1'999);
    CHECK(backoff_delay_ms(policy, 2, -3.0) == 0);
    CHECK(backoff_delay_ms(policy, 2, std::nan("")) == 0);
    CHECK(backoff_delay_ms(policy, 2, std::numeric_limits<double>::infinity()) == 1'999);
}

TEST_CASE("saturating_add stops at the int64 limits") {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
    CHECK(saturating_add(1, 2) == 3);
    CHECK(saturating_add(max - 1, 5) == max);
    CHECK(saturating_add(min + 1, -5) == min);
    CHECK(saturating_add(5, -7) == -2);
}
