#include "shared/web/feedback_queue.h"

#include "shared/web/js_bridge.h"

namespace support::web {

void queue_feedback(const std::string& body, int hold_ms) {
    sw_web_queue_feedback(body.c_str(), hold_ms);
}

void prepare_feedback() {
    sw_web_prepare_feedback();
}

std::array<std::uint8_t, 16> random_bytes_16() {
    std::array<std::uint8_t, 16> bytes{};
    sw_web_random_bytes(bytes.data(), static_cast<int>(bytes.size()));
    return bytes;
}

} // namespace support::web
