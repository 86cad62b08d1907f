#include "shared/web/tab_leader.h"

#include "shared/web/callback_registry.h"
#include "shared/web/js_bridge.h"
#include "shared/web/local_storage.h"
#include "shared/web/web_app.h"

#include <emscripten/emscripten.h>

namespace support::web {

namespace {

CallbackRegistry<TabLeader*>& waiting() {
    static CallbackRegistry<TabLeader*> leaders;
    return leaders;
}

} // namespace

void TabLeader::request(std::string_view key, std::function<void()> on_lead) {
    m_on_lead = std::move(on_lead);
    sw_web_leader_request(waiting().add(this), site_storage_key(key).c_str());
}

void TabLeader::take_lead() {
    m_leading = true;
    if (m_on_lead)
        m_on_lead();
}

} // namespace support::web

extern "C" EMSCRIPTEN_KEEPALIVE void sw_web_on_leader(std::uint32_t id) {
    using namespace support;
    const auto leader = web::waiting().take(id);
    if (!leader)
        return;
    (*leader)->take_lead();
    web::request_frames();
}
