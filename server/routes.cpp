#include "server/routes.h"

#include "server/json_error.h"

namespace support::server {

HttpResponse health_check(const HttpRequest& request) {
    if (request.method != "GET" && request.method != "HEAD") {
        auto response = error_response(405, make_error("server.route.method_not_allowed",
                                                       "only GET and HEAD are allowed here", "method"));
        response.set_header("Allow", "GET, HEAD");
        return response;
    }
    HttpResponse response;
    response.set_header("Content-Type", "application/json");
    response.set_header("Cache-Control", "no-store");
    response.body = R"({"status":"ok"})";
    return response;
}

Router make_routes(std::shared_ptr<const StaticFiles> static_files) {
    Router router;
    router.add("/healthz", health_check);
    router.set_fallback(
        [files = std::move(static_files)](const HttpRequest& request) { return files->serve(request); });
    return router;
}

} // namespace support::server
