#include "shared/web/tab_leader.h"

#include "shared/web/js_bridge.h"
#include "shared/web/local_storage.h"
#include "shared/web/web_app.h"

#include <emscripten/emscripten.h>

#include <unordered_map>

namespace support::web {

namespace {

std::unordered_map<int, TabLeader*>& waiting() {
    static std::unordered_map<int, TabLeader*> leaders;
    return leaders;
}

} // namespace

void TabLeader::request(std::string_view key, std::function<void()> on_lead) {
    static int next_id = 1;
    m_on_lead = std::move(on_lead);
    const int id = next_id++;
    waiting().emplace(id, this);
    sw_web_leader_request(id, site_storage_key(key).c_str());
}

void TabLeader::take_lead() {
    m_leading = true;
    if (m_on_lead)
        m_on_lead();
}

} // namespace support::web

extern "C" EMSCRIPTEN_KEEPALIVE void sw_web_on_leader(int id) {
    using namespace support;
    auto& leaders = web::waiting();
    const auto it = leaders.find(id);
    if (it == leaders.end())
        return;
    web::TabLeader* leader = it->second;
    leaders.erase(it);
    leader->take_lead();
    web::request_frames();
}
