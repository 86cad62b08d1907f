#include "server/middleware/public_cross_origin.h"

#include "server/http/json_error.h"

#include <utility>

namespace support::server {

namespace {

constexpr const char* k_preflight_max_age_seconds = "86400";

bool is_cors_preflight(const HttpRequest& request) {
    return request.method == "OPTIONS" && request.has_header("Origin") &&
           request.has_header("Access-Control-Request-Method");
}

HttpResponse preflight_response(const HttpRequest& request) {
    const std::string method = request.header("Access-Control-Request-Method");
    if (method != "GET" && method != "HEAD") {
        auto refused = error_response(405, make_error("server.cors.method_not_allowed",
                                                      "only GET and HEAD are allowed from other origins",
                                                      "Access-Control-Request-Method"));
        refused.set_header("Allow", "GET, HEAD");
        return refused;
    }
    HttpResponse response;
    response.status = 204;
    response.set_header("Access-Control-Allow-Methods", "GET, HEAD");
    // Conditional and range requests only carry safelisted headers; anything else the page adds
    // (a framework's X-Requested-With) is harmless on a read-only, credential-free resource.
    if (const std::string asked = request.header("Access-Control-Request-Headers"); !asked.empty())
        response.set_header("Access-Control-Allow-Headers", asked);
    response.set_header("Access-Control-Max-Age", k_preflight_max_age_seconds);
    return response;
}

} // namespace

RequestHandler allow_public_cross_origin(RequestHandler handler, std::string exposed_headers) {
    return [handler = std::move(handler), exposed = std::move(exposed_headers)](const HttpRequest& request) {
        Reply reply = is_cors_preflight(request) ? Reply(preflight_response(request)) : handler(request);
        return std::move(reply).then([exposed](HttpResponse& response) {
            response.set_header("Access-Control-Allow-Origin", "*");
            if (!exposed.empty())
                response.set_header("Access-Control-Expose-Headers", exposed);
            response.set_header("Cross-Origin-Resource-Policy", "cross-origin");
        });
    };
}

} // namespace support::server
