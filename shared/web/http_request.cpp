#include "shared/web/http_request.h"

#include "shared/web/js_bridge.h"
#include "shared/web/web_app.h"

#include <emscripten/emscripten.h>

#include <cstdint>
#include <unordered_map>

namespace support::web {

namespace {

struct PendingCalls {
    std::uint32_t next_id = 1;
    std::unordered_map<std::uint32_t, HttpCallback> callbacks;
};

PendingCalls& pending() {
    static PendingCalls calls;
    return calls;
}

} // namespace

void http_request(const HttpCall& call, HttpCallback done) {
    PendingCalls& p = pending();
    const std::uint32_t id = p.next_id++;
    p.callbacks.emplace(id, std::move(done));
    sw_web_http_request(id, call.method.c_str(), call.url.c_str(), call.json_body.c_str(),
                        call.csrf_token.c_str(), call.authorization.c_str());
}

void download(const std::string& url) {
    sw_web_download(url.c_str());
}

} // namespace support::web

extern "C" EMSCRIPTEN_KEEPALIVE void sw_web_on_http(std::uint32_t id, int status, const char* body) {
    using namespace support;
    auto& callbacks = web::pending().callbacks;
    auto it = callbacks.find(id);
    if (it == callbacks.end())
        return;
    web::HttpCallback done = std::move(it->second);
    callbacks.erase(it);
    done(web::HttpAnswer{status, body ? body : ""});
    web::request_frames();
}
