#include "server/http/json_error.h"

#include <cstdio>

namespace support::server {

std::string json_quote(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 2);
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
    return out;
}

std::string error_json(const Error& error) {
    std::string out =
        "{\"error\":{\"code\":" + json_quote(error.code) + ",\"message\":" + json_quote(error.message);
    if (!error.field.empty())
        out += ",\"field\":" + json_quote(error.field);
    out += "}}";
    return out;
}

HttpResponse json_response(unsigned status, std::string body) {
    HttpResponse response;
    response.status = status;
    response.set_header("Content-Type", "application/json");
    response.set_header("Cache-Control", "no-store");
    response.body = std::move(body);
    return response;
}

HttpResponse error_response(unsigned status, const Error& error) {
    return json_response(status, error_json(error));
}

std::optional<HttpResponse> reject_unless_get_or_head(const HttpRequest& request, std::string code) {
    if (request.method == "GET" || request.method == "HEAD")
        return std::nullopt;
    auto response =
        error_response(405, make_error(std::move(code), "only GET and HEAD are allowed here", "method"));
    response.set_header("Allow", "GET, HEAD");
    return response;
}

} // namespace support::server
