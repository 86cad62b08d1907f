#pragma once
// Plain HTTP request and response values that handlers work with. They carry no Boost.Beast types,
// so routes and static files can be built and tested without sockets or Beast's compile cost;
// http_server.cpp converts to and from Beast at the edge.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace support::server {

class OpenFile;       // server/static/open_file.h
class ResponseStream; // server/http/response_stream.h

using HeaderList = std::vector<std::pair<std::string, std::string>>;

struct HttpRequest {
    std::string method; // as sent, e.g. "GET"
    std::string target; // the request-target exactly as sent, e.g. "/a/b.js?v=1"
    HeaderList headers;
    std::string body;
    unsigned version = 11;           // HTTP/1.1 → 11, HTTP/1.0 → 10
    std::string remote_address = {}; // the peer's IP address ("127.0.0.1", "::1"); empty when unknown

    // All values of the named header (case-insensitive), joined with ", " as RFC 9110 allows for
    // list-valued fields; empty when absent.
    std::string header(std::string_view name) const;
    bool has_header(std::string_view name) const;
};

// Whether the request's Content-Type is application/json (parameters such as charset aside).
bool has_json_body(const HttpRequest& request);

struct HttpResponse {
    unsigned status = 200;
    HeaderList headers;
    // The body is one of: bytes of the handler's own (`body`); bytes shared with other responses
    // and sent without a copy (`shared_body`: a prepared content bundle); an open file that the
    // server sends with sendfile(2), never read into memory (`file_body`: static files); or bytes
    // written over time until the stream ends, sent without a Content-Length on a connection that
    // closes after it (`stream_body`: Server-Sent Events). Set one.
    std::string body;
    std::shared_ptr<const std::string> shared_body;
    std::shared_ptr<const OpenFile> file_body;
    std::shared_ptr<ResponseStream> stream_body;
    // Set for a HEAD response: the Content-Length of the body a GET would have sent. The body
    // itself is then empty.
    std::optional<std::uint64_t> head_content_length;

    // The length of whichever body is set (0 for a stream: not known in advance).
    std::uint64_t body_size() const;
    // The body's bytes, read from the file when it is one: for tests and diagnostics, never for
    // sending (the server streams files). Empty when the file cannot be read.
    std::string body_bytes() const;
    // Drops every body (HEAD, 304); a stream is ended.
    void clear_body();

    // Replaces every existing value of the named header (case-insensitive).
    void set_header(std::string_view name, std::string value);
    // The first value of the named header, or empty when absent.
    std::string_view header(std::string_view name) const;
    bool has_header(std::string_view name) const;
};

// Case-insensitive ASCII comparison, for header names and the tokens in header values (codings,
// media types).
bool header_name_equals(std::string_view a, std::string_view b);

// `text` without the spaces and tabs HTTP allows around list elements and parameters (RFC 9110 OWS).
std::string_view trim_optional_whitespace(std::string_view text);

} // namespace support::server
