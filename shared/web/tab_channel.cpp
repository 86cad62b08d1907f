#include "shared/web/tab_channel.h"

#include "shared/web/js_bridge.h"
#include "shared/web/local_storage.h"
#include "shared/web/web_app.h"

#include <emscripten/emscripten.h>

#include <unordered_map>

namespace support::web {

namespace {

struct OpenChannels {
    int next_id = 1;
    std::unordered_map<int, std::function<void(std::string_view)>> handlers;
};

OpenChannels& channels() {
    static OpenChannels open;
    return open;
}

} // namespace

void TabChannel::open(std::string_view key, std::function<void(std::string_view)> on_message) {
    close();
    OpenChannels& c = channels();
    m_id = c.next_id++;
    c.handlers.emplace(m_id, std::move(on_message));
    sw_web_tab_channel_open(m_id, site_storage_key(key).c_str());
}

void TabChannel::post(const std::string& text) {
    if (m_id != 0)
        sw_web_tab_channel_post(m_id, text.c_str());
}

void TabChannel::close() {
    if (m_id == 0)
        return;
    sw_web_tab_channel_close(m_id);
    channels().handlers.erase(m_id);
    m_id = 0;
}

} // namespace support::web

extern "C" EMSCRIPTEN_KEEPALIVE void sw_web_on_tab_message(int id, const char* text) {
    using namespace support;
    auto& handlers = web::channels().handlers;
    const auto it = handlers.find(id);
    if (it == handlers.end() || !it->second)
        return;
    const auto on_message = it->second; // the handler may close the channel while it runs
    on_message(text ? std::string_view(text) : std::string_view());
    web::request_frames();
}
