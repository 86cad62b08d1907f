#include "shared/web/event_stream.h"

#include "shared/web/js_bridge.h"
#include "shared/web/web_app.h"

#include <emscripten/emscripten.h>

#include <unordered_map>

namespace support::web {

namespace {

struct OpenStreams {
    std::uint32_t next_id = 1;
    std::unordered_map<std::uint32_t, StreamHandlers> handlers;
};

OpenStreams& streams() {
    static OpenStreams open;
    return open;
}

} // namespace

void EventStream::open(const std::string& url, StreamHandlers handlers) {
    close();
    OpenStreams& s = streams();
    m_id = s.next_id++;
    s.handlers.emplace(m_id, std::move(handlers));
    sw_web_stream_open(m_id, url.c_str());
}

void EventStream::close() {
    if (m_id == 0)
        return;
    sw_web_stream_close(m_id);
    streams().handlers.erase(m_id);
    m_id = 0;
}

} // namespace support::web

extern "C" EMSCRIPTEN_KEEPALIVE void sw_web_on_stream_event(std::uint32_t id, const char* type,
                                                            const char* last_id, const char* data) {
    using namespace support;
    auto& handlers = web::streams().handlers;
    const auto it = handlers.find(id);
    if (it == handlers.end() || !it->second.on_event)
        return;
    // A copy: the handler may close the stream (and so erase its handlers) while it runs.
    const auto on_event = it->second.on_event;
    on_event(web::StreamEvent{type ? type : "", last_id ? last_id : "", data ? data : ""});
    web::request_frames();
}

extern "C" EMSCRIPTEN_KEEPALIVE void sw_web_on_stream_state(std::uint32_t id, int state) {
    using namespace support;
    auto& handlers = web::streams().handlers;
    const auto it = handlers.find(id);
    if (it == handlers.end() || !it->second.on_state)
        return;
    const auto on_state = it->second.on_state;
    on_state(state == 1   ? web::StreamState::Open
             : state == 2 ? web::StreamState::Closed
                          : web::StreamState::Connecting);
    web::request_frames();
}
