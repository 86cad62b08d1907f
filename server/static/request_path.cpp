#include "server/static/request_path.h"

#include "shared/core/protocol/url_encoding.h"

namespace support::server {

namespace {

Error bad_path(std::string message) {
    return make_error("server.static.bad_path", std::move(message), "path");
}

bool is_control(unsigned char c) {
    return c < 0x20 || c == 0x7f;
}

// Decodes one raw segment (no '/' in it), refusing encoded separators and control characters.
Result<std::string> decode_segment(std::string_view raw) {
    if (raw.find('\\') != std::string_view::npos)
        return bad_path("backslashes are not allowed in the path");
    auto decoded = protocol::decode_percent_escapes(raw);
    if (!decoded)
        return bad_path("malformed percent-escape in the path");
    if (decoded->find_first_of("/\\") != std::string::npos)
        return bad_path("encoded slashes and backslashes are not allowed in the path");
    for (const char c : *decoded) {
        if (is_control(static_cast<unsigned char>(c)))
            return bad_path("control characters are not allowed in the path");
    }
    return std::move(*decoded);
}

} // namespace

Result<RequestPath> parse_request_path(std::string_view target) {
    const std::string_view path = protocol::target_path(target);
    if (path.empty() || path.front() != '/')
        return bad_path("the request target must be a path starting with '/'");

    RequestPath result;
    std::string_view rest = path.substr(1);
    if (rest.empty()) {
        result.trailing_slash = true;
        return result;
    }
    while (true) {
        const auto slash = rest.find('/');
        const std::string_view raw = rest.substr(0, slash);
        if (raw.empty())
            return bad_path("empty segments ('//') are not allowed in the path");
        auto segment = decode_segment(raw);
        if (!segment)
            return std::move(segment).error();
        if (*segment == "." || *segment == "..")
            return bad_path("'.' and '..' segments are not allowed in the path");
        result.segments.push_back(std::move(*segment));
        if (slash == std::string_view::npos)
            break;
        rest = rest.substr(slash + 1);
        if (rest.empty()) {
            result.trailing_slash = true;
            break;
        }
    }
    return result;
}

} // namespace support::server
