#include "server/http/service_clocks.h"

#include <chrono>

namespace support::server {

ServiceClocks system_clocks() {
    return ServiceClocks{[] {
                             return std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::system_clock::now().time_since_epoch())
                                 .count();
                         },
                         [] {
                             return std::chrono::duration_cast<std::chrono::milliseconds>(
                                        std::chrono::steady_clock::now().time_since_epoch())
                                 .count();
                         }};
}

} // namespace support::server
