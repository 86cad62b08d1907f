#include "server/router.h"

#include "server/json_error.h"
#include "server/request_path.h"

#include <exception>

namespace support::server {

void Router::add(std::string path, RequestHandler handler) {
    m_routes.push_back(Route{std::move(path), std::move(handler)});
}

void Router::set_fallback(RequestHandler handler) {
    m_fallback = std::move(handler);
}

HttpResponse Router::dispatch(const HttpRequest& request) const {
    const std::string_view path = target_path(request.target);
    for (const Route& route : m_routes) {
        if (route.path == path)
            return route.handler(request);
    }
    if (m_fallback)
        return m_fallback(request);
    return error_response(404, make_error("server.route.not_found", "no such resource", "path"));
}

HttpResponse Router::handle(const HttpRequest& request) const {
    HttpResponse response;
    try {
        response = dispatch(request);
    } catch (const std::exception&) {
        response = error_response(500, make_error("server.internal", "internal server error"));
    }
    response.set_header("X-Content-Type-Options", "nosniff");
    if (request.method == "HEAD") {
        response.head_content_length = response.body.size();
        response.body.clear();
    }
    return response;
}

} // namespace support::server
