#pragma once
// Runs a function once after a delay, outside a frame (a few frames are drawn after it): the chat's
// resend backoff and reconnect, a typing notice that goes stale. Any number may wait at once,
// unlike request_frame_after's single timer.

#include <functional>

namespace support::web {

void call_later(int ms, std::function<void()> fn);

} // namespace support::web
