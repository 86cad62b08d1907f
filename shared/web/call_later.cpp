#include "shared/web/call_later.h"

#include "shared/web/web_app.h"

#include <emscripten/html5.h>

#include <memory>

namespace support::web {

namespace {

void run_later(void* user_data) {
    const std::unique_ptr<std::function<void()>> fn(static_cast<std::function<void()>*>(user_data));
    (*fn)();
    request_frames();
}

} // namespace

void call_later(int ms, std::function<void()> fn) {
    emscripten_set_timeout(run_later, ms < 0 ? 0 : ms, new std::function<void()>(std::move(fn)));
}

} // namespace support::web
