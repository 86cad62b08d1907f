#include "server/middleware/rate_limit.h"

#include "server/http/json_error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace support::server {

namespace {

void refill(TokenBucket& bucket, RateLimit limit, std::int64_t now_ms) {
    const auto elapsed = static_cast<double>(std::max<std::int64_t>(0, now_ms - bucket.updated_ms));
    bucket.tokens = std::min(limit.burst, bucket.tokens + elapsed * limit.per_minute / 60'000.0);
    bucket.updated_ms = std::max(bucket.updated_ms, now_ms);
}

} // namespace

std::optional<std::int64_t> spend_token(TokenBucket& bucket, RateLimit limit, std::int64_t now_ms) {
    refill(bucket, limit, now_ms);
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return std::nullopt;
    }
    if (limit.per_minute <= 0)
        return std::int64_t{60'000};
    return static_cast<std::int64_t>(std::ceil((1.0 - bucket.tokens) * 60'000.0 / limit.per_minute));
}

void return_token(TokenBucket& bucket, RateLimit limit, std::int64_t now_ms) {
    refill(bucket, limit, now_ms);
    bucket.tokens = std::min(limit.burst, bucket.tokens + 1.0);
}

std::int64_t refill_time_ms(RateLimit limit) {
    if (limit.per_minute <= 0)
        return std::numeric_limits<std::int64_t>::max();
    return static_cast<std::int64_t>(std::ceil(limit.burst * 60'000.0 / limit.per_minute));
}

RateLimiter::RateLimiter(RateLimit limit, Clock now_ms, std::size_t max_keys)
    : m_limit(limit), m_now_ms(std::move(now_ms)), m_max_keys(std::max<std::size_t>(1, max_keys)) {}

void RateLimiter::make_room(std::int64_t now_ms) {
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        refill(it->second, m_limit, now_ms);
        it = it->second.tokens >= m_limit.burst ? m_buckets.erase(it) : std::next(it);
    }
    if (m_buckets.size() < m_max_keys)
        return;
    // Every bucket is in use: the one touched longest ago goes (its key starts again full).
    const auto oldest =
        std::min_element(m_buckets.begin(), m_buckets.end(), [](const auto& a, const auto& b) {
            return a.second.updated_ms < b.second.updated_ms;
        });
    m_buckets.erase(oldest);
}

std::optional<std::int64_t> RateLimiter::take(std::string_view key) {
    const std::int64_t now_ms = m_now_ms();
    std::lock_guard lock(m_mutex);
    auto it = m_buckets.find(std::string(key));
    if (it == m_buckets.end()) {
        if (m_buckets.size() >= m_max_keys)
            make_room(now_ms);
        it = m_buckets.emplace(std::string(key), full_bucket(m_limit, now_ms)).first;
    }
    return spend_token(it->second, m_limit, now_ms);
}

void RateLimiter::give_back(std::string_view key) {
    const std::int64_t now_ms = m_now_ms();
    std::lock_guard lock(m_mutex);
    const auto it = m_buckets.find(std::string(key));
    if (it != m_buckets.end())
        return_token(it->second, m_limit, now_ms);
}

std::size_t RateLimiter::key_count() const {
    std::lock_guard lock(m_mutex);
    return m_buckets.size();
}

HttpResponse rate_limited_response(std::int64_t wait_ms) {
    auto response = error_response(429, make_error("api.rate_limited", "too many requests; try again later"));
    response.set_header("Retry-After", std::to_string(std::max<std::int64_t>(1, (wait_ms + 999) / 1000)));
    return response;
}

} // namespace support::server
