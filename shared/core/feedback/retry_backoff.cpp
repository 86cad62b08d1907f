#include "shared/core/feedback/retry_backoff.h"

#include <cassert>
#include <cmath>
#include <limits>

namespace support::feedback {

std::int64_t backoff_ceiling_ms(const BackoffPolicy& policy, std::uint32_t attempts) {
    assert(policy.base_ms > 0 && policy.factor >= 1 && policy.cap_ms >= policy.base_ms);
    std::int64_t ceiling = policy.base_ms;
    // Multiply step by step and stop at the cap: factor^attempts overflows long before attempts
    // runs out.
    for (std::uint32_t i = 1; i < attempts && ceiling < policy.cap_ms; ++i) {
        if (ceiling > policy.cap_ms / policy.factor) {
            ceiling = policy.cap_ms;
            break;
        }
        ceiling *= policy.factor;
    }
    return ceiling < policy.cap_ms ? ceiling : policy.cap_ms;
}

std::int64_t backoff_delay_ms(const BackoffPolicy& policy, std::uint32_t attempts, double random_unit) {
    if (!(random_unit >= 0.0)) // also catches NaN
        random_unit = 0.0;
    if (random_unit >= 1.0)
        random_unit = std::nextafter(1.0, 0.0);
    const std::int64_t ceiling = backoff_ceiling_ms(policy, attempts);
    const auto delay = static_cast<std::int64_t>(std::floor(random_unit * static_cast<double>(ceiling)));
    // random_unit < 1 gives delay < ceiling in exact arithmetic; the double product can round up
    // to the ceiling itself for large ceilings, which the bound [0, ceiling) does not allow.
    return delay < ceiling ? delay : ceiling - 1;
}

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
    constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
    constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
    if (b > 0 && a > max - b)
        return max;
    if (b < 0 && a < min - b)
        return min;
    return a + b;
}

} // namespace support::feedback
