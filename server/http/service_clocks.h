#pragma once
// The two clocks a service reads, injected so tests can set and step them.

#include <cstdint>
#include <functional>

namespace support::server {

struct ServiceClocks {
    std::function<std::int64_t()> wall_ms;      // times that are shown and stored: ms since the Unix epoch
    std::function<std::int64_t()> monotonic_ms; // rate limits, throttling, intervals
};

ServiceClocks system_clocks();

} // namespace support::server
