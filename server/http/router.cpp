#include "server/http/router.h"

#include "server/http/json_error.h"
#include "server/static/request_path.h"
#include "shared/core/protocol/url_encoding.h"

#include <exception>

namespace support::server {

namespace {

// Compares segment by segment; "{…}" in the pattern stands for any one non-empty segment.
bool path_matches(std::string_view pattern, std::string_view path) {
    if (pattern.find('{') == std::string_view::npos)
        return pattern == path;
    while (!pattern.empty() && !path.empty()) {
        if (pattern.front() != '/' || path.front() != '/')
            return false;
        pattern.remove_prefix(1);
        path.remove_prefix(1);
        const std::string_view pattern_segment = pattern.substr(0, pattern.find('/'));
        const std::string_view path_segment = path.substr(0, path.find('/'));
        const bool wildcard =
            pattern_segment.size() >= 2 && pattern_segment.front() == '{' && pattern_segment.back() == '}';
        if (wildcard ? path_segment.empty() : pattern_segment != path_segment)
            return false;
        pattern.remove_prefix(pattern_segment.size());
        path.remove_prefix(path_segment.size());
    }
    return pattern.empty() && path.empty();
}

bool path_is_under(std::string_view prefix, std::string_view path) {
    return path.starts_with(prefix) && (path.size() == prefix.size() || path[prefix.size()] == '/');
}

} // namespace

void Router::add(std::string path, RequestHandler handler) {
    m_routes.push_back(Route{std::move(path), std::move(handler), false});
}

void Router::add_tree(std::string prefix, RequestHandler handler) {
    m_routes.push_back(Route{std::move(prefix), std::move(handler), true});
}

void Router::set_fallback(RequestHandler handler) {
    m_fallback = std::move(handler);
}

Reply Router::dispatch(const HttpRequest& request) const {
    const std::string_view path = protocol::target_path(request.target);
    for (const Route& route : m_routes) {
        if (route.is_tree ? path_is_under(route.path, path) : path_matches(route.path, path))
            return route.handler(request);
    }
    if (m_fallback)
        return m_fallback(request);
    return error_response(404, make_error("server.route.not_found", "no such resource", "path"));
}

Reply Router::handle(const HttpRequest& request) const {
    Reply reply = [&]() -> Reply {
        try {
            return dispatch(request);
        } catch (const std::exception&) {
            return error_response(500, make_error("server.internal", "internal server error"));
        }
    }();
    return std::move(reply).then([is_head = request.method == "HEAD"](HttpResponse& response) {
        response.set_header("X-Content-Type-Options", "nosniff");
        if (is_head) {
            // From the file's metadata: a HEAD never reads a file.
            response.head_content_length = response.body_size();
            response.clear_body();
        }
    });
}

} // namespace support::server
