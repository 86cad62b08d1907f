#include "shared/web/fetch_text.h"

#include "shared/web/js_bridge.h"
#include "shared/web/web_app.h"

#include <emscripten/emscripten.h>

#include <charconv>
#include <cstdint>
#include <unordered_map>

namespace support::web {

namespace {

// Requests in flight, by the id web_library.js hands back with the answer.
struct PendingFetches {
    std::uint32_t next_id = 1;
    std::unordered_map<std::uint32_t, FetchCallback> callbacks;
};

PendingFetches& pending() {
    static PendingFetches fetches;
    return fetches;
}

} // namespace

void fetch_text(const std::string& url, FetchCallback done) {
    PendingFetches& p = pending();
    const std::uint32_t id = p.next_id++;
    p.callbacks.emplace(id, std::move(done));
    sw_web_fetch_text(id, url.c_str());
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
    auto& callbacks = web::pending().callbacks;
    auto it = callbacks.find(id);
    if (it == callbacks.end())
        return;
    web::FetchCallback done = std::move(it->second);
    callbacks.erase(it);
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
