#include "shared/web/tab_channel.h"

#include "shared/web/callback_registry.h"
#include "shared/web/js_bridge.h"
#include "shared/web/local_storage.h"
#include "shared/web/web_app.h"

#include <emscripten/emscripten.h>

namespace support::web {

namespace {

CallbackRegistry<std::function<void(std::string_view)>>& channels() {
    static CallbackRegistry<std::function<void(std::string_view)>> open;
    return open;
}

} // namespace

void TabChannel::open(std::string_view key, std::function<void(std::string_view)> on_message) {
    close();
    m_id = channels().add(std::move(on_message));
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
    channels().remove(m_id);
    m_id = 0;
}

} // namespace support::web

extern "C" EMSCRIPTEN_KEEPALIVE void sw_web_on_tab_message(std::uint32_t id, const char* text) {
    using namespace support;
    const auto on_message = web::channels().copy(id); // the handler may close the channel while it runs
    if (!on_message || !*on_message)
        return;
    (*on_message)(text ? std::string_view(text) : std::string_view());
    web::request_frames();
}
