#pragma once
// When to try a failed send again: exponential backoff with full jitter. After the n-th failed
// attempt the wait is a uniformly random time in [0, min(cap, base · factor^(n-1))), so a fleet of
// browsers that lost the server together does not come back in lockstep (the "full jitter" of
// https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/).
//
// shared/core has no randomness source: the caller passes a value in [0, 1) (Math.random()).

#include <cstdint>

namespace support::feedback {

struct BackoffPolicy {
    std::int64_t base_ms = 1'000;
    std::int64_t factor = 2;
    std::int64_t cap_ms = 5 * 60 * 1'000;
};

// The upper bound of the wait after `attempts` failed attempts (attempts 0 is treated as 1):
// base, then base·factor, … never more than the cap.
std::int64_t backoff_ceiling_ms(const BackoffPolicy& policy, std::uint32_t attempts);

// The wait itself: floor(random_unit · ceiling), in [0, ceiling). A random_unit outside [0, 1)
// (or NaN) is clamped into it, so a bad caller cannot schedule past the ceiling.
std::int64_t backoff_delay_ms(const BackoffPolicy& policy, std::uint32_t attempts, double random_unit);

// a + b without signed overflow: saturates at the int64 limits. Times come from the caller's clock
// and from storage, so sums of them are not trusted to fit.
std::int64_t saturating_add(std::int64_t a, std::int64_t b);

} // namespace support::feedback
