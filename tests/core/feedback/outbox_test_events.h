#pragma once
// Feedback events for the outbox tests: distinct client ids and bodies from a number.

#include "catch_amalgamated.hpp"

#include "shared/core/feedback/feedback_outbox.h"
#include "shared/core/protocol/uuid.h"

#include <array>
#include <cstdint>
#include <string>

namespace support::feedback::test {

inline constexpr std::int64_t k_now = 1'764'825'059'123; // 2025-12-04

inline std::string client_id(unsigned n) {
    std::array<std::uint8_t, 16> bytes{};
    bytes[0] = static_cast<std::uint8_t>(n >> 8);
    bytes[1] = static_cast<std::uint8_t>(n);
    bytes[15] = 0x5a;
    return protocol::format_uuid_v4(bytes);
}

inline std::string body(unsigned n) {
    return R"({"client_id":")" + client_id(n) +
           R"(","kind":"article_helpful","article_id":"returns-policy",)" + R"("helpful":)" +
           (n % 2 ? "true" : "false") + "}";
}

// Queues event n at `now` and checks that it was queued.
inline void queue(FeedbackOutbox& outbox, unsigned n, std::int64_t now = k_now) {
    const std::string id = client_id(n);
    const std::string text = body(n);
    auto queued = outbox.enqueue({id, "article_helpful", text}, now);
    REQUIRE(queued);
    REQUIRE(queued->outcome == EnqueueOutcome::Queued);
}

} // namespace support::feedback::test
