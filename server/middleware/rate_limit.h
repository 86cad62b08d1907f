#pragma once
// Token buckets keyed by a string (a client IP, a site): each key may spend `burst` requests at
// once and regains `per_minute` of them a minute. The clock is injected, so tests step it.
//
//   RateLimiter per_ip({.burst = 60, .per_minute = 60}, steady_ms);
//   if (auto wait = per_ip.take(request.remote_address)) → 429 with Retry-After: ceil(*wait / 1000)
//
// Memory is bounded: past max_keys the buckets that are full again (idle keys) are dropped, and if
// none are, the least recently used one, so a flood of addresses cannot grow the table without end.
//
// Per process: instances sharing a PostgreSQL store each count their own requests (a shared count
// would put a database write on every request; README, "Several instances on PostgreSQL"). The
// staff sign-in throttle keeps its buckets in the store as well (StaffSessions), through the same
// arithmetic: spend_token / return_token on a TokenBucket.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace support::server {

struct HttpResponse;

struct RateLimit {
    double burst = 60;      // tokens a full bucket holds
    double per_minute = 60; // tokens regained a minute
};

// One key's bucket: `tokens` as of `updated_ms`.
struct TokenBucket {
    double tokens = 0;
    std::int64_t updated_ms = 0;
};

inline TokenBucket full_bucket(RateLimit limit, std::int64_t now_ms) {
    return {limit.burst, now_ms};
}
// Refills `bucket` to `now_ms`, then spends one token: nothing when there was one, else the
// milliseconds until there will be (the bucket is then left refilled, unspent).
std::optional<std::int64_t> spend_token(TokenBucket& bucket, RateLimit limit, std::int64_t now_ms);
// Refills `bucket` to `now_ms` and puts one token back, never past `burst`.
void return_token(TokenBucket& bucket, RateLimit limit, std::int64_t now_ms);
// How long an empty bucket takes to be full again: a bucket untouched that long is as good as new.
std::int64_t refill_time_ms(RateLimit limit);

class RateLimiter {
  public:
    using Clock = std::function<std::int64_t()>; // milliseconds, monotonic

    RateLimiter(RateLimit limit, Clock now_ms, std::size_t max_keys = 100'000);

    // Spends one token of `key`'s bucket; nothing when there was one, else the milliseconds until
    // there will be.
    std::optional<std::int64_t> take(std::string_view key);
    // Returns the token a take() spent, when what it was spent on turned out not to count (a
    // sign-in with the right password). Never fills a bucket past `burst`.
    void give_back(std::string_view key);

    std::size_t key_count() const;

  private:
    void make_room(std::int64_t now_ms);

    RateLimit m_limit;
    Clock m_now_ms;
    std::size_t m_max_keys;
    mutable std::mutex m_mutex;
    std::unordered_map<std::string, TokenBucket> m_buckets;
};

// 429 api.rate_limited with Retry-After: the wait in whole seconds, at least 1.
HttpResponse rate_limited_response(std::int64_t wait_ms);

} // namespace support::server
