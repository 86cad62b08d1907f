#include "shared/web/http_request.h"

#include "shared/web/callback_registry.h"
#include "shared/web/js_bridge.h"
#include "shared/web/web_app.h"

#include <emscripten/emscripten.h>

#include <cstdint>

namespace support::web {

namespace {

CallbackRegistry<HttpCallback>& pending() {
    static CallbackRegistry<HttpCallback> calls;
    return calls;
}

} // namespace

void http_request(const HttpCall& call, HttpCallback done) {
    const std::uint32_t id = pending().add(std::move(done));
    sw_web_http_request(id, call.method.c_str(), call.url.c_str(), call.json_body.c_str(),
                        call.csrf_token.c_str(), call.authorization.c_str());
}

void download(const std::string& url) {
    sw_web_download(url.c_str());
}

} // namespace support::web

extern "C" EMSCRIPTEN_KEEPALIVE void sw_web_on_http(std::uint32_t id, int status, const char* body) {
    using namespace support;
    auto done = web::pending().take(id);
    if (!done)
        return;
    (*done)(web::HttpAnswer{status, body ? body : ""});
    web::request_frames();
}
