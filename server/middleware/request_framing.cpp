#include "server/middleware/request_framing.h"

#include <cstddef>
#include <string_view>

namespace support::server {

namespace {

// The last coding of a Transfer-Encoding list ("gzip, chunked" → "chunked"), its parameters
// dropped, compared case-insensitively by the caller.
std::string_view last_coding(std::string_view list) {
    const auto comma = list.rfind(',');
    std::string_view last = comma == std::string_view::npos ? list : list.substr(comma + 1);
    last = last.substr(0, last.find(';'));
    return trim_optional_whitespace(last);
}

} // namespace

std::optional<Error> request_framing_error(const HttpRequest& request) {
    if (request.has_header("Transfer-Encoding")) {
        if (request.version < 11)
            return make_error("server.http.bad_transfer_encoding",
                              "Transfer-Encoding is not allowed in an HTTP/1.0 request", "Transfer-Encoding");
        if (!header_name_equals(last_coding(request.header("Transfer-Encoding")), "chunked"))
            return make_error("server.http.bad_transfer_encoding",
                              "the last transfer coding of a request must be chunked", "Transfer-Encoding");
    }
    std::size_t hosts = 0;
    for (const auto& [name, value] : request.headers)
        hosts += header_name_equals(name, "Host") ? 1 : 0;
    if (hosts > 1)
        return make_error("server.http.bad_host", "a request must have exactly one Host header", "Host");
    if (hosts == 0 && request.version >= 11)
        return make_error("server.http.bad_host", "an HTTP/1.1 request must have a Host header", "Host");
    return std::nullopt;
}

} // namespace support::server
