#pragma once
// Dispatches a request to the first handler whose path matches (query string ignored), or to the
// fallback, and applies the rules every response shares:
//   - "X-Content-Type-Options: nosniff";
//   - HEAD answers carry the headers and Content-Length of the GET answer, without its body;
//   - a handler that throws becomes a 500 with a JSON error (server.internal) instead of a dropped
//     connection (a pending reply whose promise is dropped answers the same).

#include "server/http/http_message.h"
#include "server/http/reply.h"

#include <functional>
#include <string>
#include <vector>

namespace support::server {

// A handler answers now (returns an HttpResponse) or later (returns a pending Reply; reply.h).
using RequestHandler = std::function<Reply(const HttpRequest&)>;

class Router {
  public:
    // `path` is matched exactly, except that a "{name}" segment matches any one non-empty segment:
    // "/api/v1/sites/{site}/content" matches "/api/v1/sites/demo/content". The handler reads the
    // segment from the request itself.
    void add(std::string path, RequestHandler handler);
    // `prefix` ("/console") and every path under it ("/console/", "/console/app.js"), but not
    // "/consoles". Routes are tried in the order added.
    void add_tree(std::string prefix, RequestHandler handler);
    void set_fallback(RequestHandler handler);

    Reply handle(const HttpRequest& request) const;

  private:
    struct Route {
        std::string path;
        RequestHandler handler;
        bool is_tree = false;
    };

    Reply dispatch(const HttpRequest& request) const;

    std::vector<Route> m_routes;
    RequestHandler m_fallback;
};

} // namespace support::server
