#include "shared/web/fetch_text.h"

#include "shared/web/callback_registry.h"
#include "shared/web/js_bridge.h"
#include "shared/web/web_app.h"

#include <emscripten/emscripten.h>

#include <charconv>
#include <cstdint>

namespace support::web {

namespace {

// Requests in flight, by the id web_library.js hands back with the answer.
CallbackRegistry<FetchCallback>& pending() {
    static CallbackRegistry<FetchCallback> fetches;
    return fetches;
}

} // namespace

void fetch_text(const std::string& url, FetchCallback done) {
    sw_web_fetch_text(pending().add(std::move(done)), url.c_str());
}

int http_status_of(const Error& error) {
    if (error.code != "web.fetch.http_status")
        return 0;
    int status = 0;
    std::from_chars(error.field.data(), error.field.data() + error.field.size(), status);
    return status;
}

} // namespace support::web

extern "C" EMSCRIPTEN_KEEPALIVE void sw_web_on_fetch(std::uint32_t id, int status, const char* body,
                                                     const char* etag) {
    using namespace support;
    auto found = web::pending().take(id);
    if (!found)
        return;
    web::FetchCallback done = std::move(*found);
    if (status == 0) {
        done(make_error("web.fetch.failed", std::string("the request failed: ") + (body ? body : "")));
    } else if (status < 200 || status > 299) {
        done(make_error("web.fetch.http_status", "the server answered HTTP " + std::to_string(status),
                        std::to_string(status)));
    } else {
        done(web::FetchedText{status, body ? body : "", etag ? etag : ""});
    }
    web::request_frames();
}
