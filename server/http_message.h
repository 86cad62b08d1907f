#pragma once
// Plain HTTP request and response values that handlers work with. They carry no Boost.Beast types,
// so routes and static files can be built and tested without sockets or Beast's compile cost;
// http_server.cpp converts to and from Beast at the edge.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace support::server {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method; // as sent, e.g. "GET"
    std::string target; // the request-target exactly as sent, e.g. "/a/b.js?v=1"
    HeaderList headers;
    std::string body;

    // All values of the named header (case-insensitive), joined with ", " as RFC 9110 allows for
    // list-valued fields; empty when absent.
    std::string header(std::string_view name) const;
    bool has_header(std::string_view name) const;
};

struct HttpResponse {
    unsigned status = 200;
    HeaderList headers;
    std::string body;
    // Set for a HEAD response: the Content-Length of the body a GET would have sent. The body
    // itself is then empty.
    std::optional<std::size_t> head_content_length;

    // Replaces every existing value of the named header (case-insensitive).
    void set_header(std::string_view name, std::string value);
    // The first value of the named header, or empty when absent.
    std::string_view header(std::string_view name) const;
    bool has_header(std::string_view name) const;
};

bool header_name_equals(std::string_view a, std::string_view b);

} // namespace support::server
