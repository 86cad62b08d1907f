#include "shared/web/event_stream.h"

#include "shared/web/callback_registry.h"
#include "shared/web/js_bridge.h"
#include "shared/web/web_app.h"

#include <emscripten/emscripten.h>

namespace support::web {

namespace {

CallbackRegistry<StreamHandlers>& streams() {
    static CallbackRegistry<StreamHandlers> open;
    return open;
}

} // namespace

void EventStream::open(const std::string& url, StreamHandlers handlers) {
    close();
    m_id = streams().add(std::move(handlers));
    sw_web_stream_open(m_id, url.c_str());
}

void EventStream::close() {
    if (m_id == 0)
        return;
    sw_web_stream_close(m_id);
    streams().remove(m_id);
    m_id = 0;
}

} // namespace support::web

extern "C" EMSCRIPTEN_KEEPALIVE void sw_web_on_stream_event(std::uint32_t id, const char* type,
                                                            const char* last_id, const char* data) {
    using namespace support;
    // A copy: the handler may close the stream (and so remove its handlers) while it runs.
    const auto handlers = web::streams().copy(id);
    if (!handlers || !handlers->on_event)
        return;
    handlers->on_event(web::StreamEvent{type ? type : "", last_id ? last_id : "", data ? data : ""});
    web::request_frames();
}

extern "C" EMSCRIPTEN_KEEPALIVE void sw_web_on_stream_state(std::uint32_t id, int state) {
    using namespace support;
    const auto handlers = web::streams().copy(id);
    if (!handlers || !handlers->on_state)
        return;
    handlers->on_state(state == 1   ? web::StreamState::Open
                       : state == 2 ? web::StreamState::Closed
                                    : web::StreamState::Connecting);
    web::request_frames();
}
