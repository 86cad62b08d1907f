#include "server/http/http_message.h"

#include "server/http/response_stream.h"
#include "server/static/open_file.h"

#include <algorithm>

namespace support::server {

namespace {

char ascii_lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

} // namespace

bool header_name_equals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return ascii_lower(x) == ascii_lower(y);
           });
}

std::string_view trim_optional_whitespace(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

std::string HttpRequest::header(std::string_view name) const {
    std::string joined;
    for (const auto& [key, value] : headers) {
        if (!header_name_equals(key, name))
            continue;
        if (!joined.empty())
            joined += ", ";
        joined += value;
    }
    return joined;
}

bool HttpRequest::has_header(std::string_view name) const {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& field) { return header_name_equals(field.first, name); });
}

void HttpResponse::set_header(std::string_view name, std::string value) {
    std::erase_if(headers, [&](const auto& field) { return header_name_equals(field.first, name); });
    headers.emplace_back(std::string(name), std::move(value));
}

std::string_view HttpResponse::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (header_name_equals(key, name))
            return value;
    }
    return {};
}

bool HttpResponse::has_header(std::string_view name) const {
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& field) { return header_name_equals(field.first, name); });
}

bool has_json_body(const HttpRequest& request) {
    const std::string content_type = request.header("Content-Type");
    return header_name_equals(
        trim_optional_whitespace(std::string_view(content_type).substr(0, content_type.find(';'))),
        "application/json");
}

std::uint64_t HttpResponse::body_size() const {
    if (file_body)
        return file_body->size();
    if (shared_body)
        return shared_body->size();
    return body.size();
}

std::string HttpResponse::body_bytes() const {
    if (file_body) {
        auto bytes = file_body->read_all();
        return bytes ? std::move(*bytes) : std::string();
    }
    if (shared_body)
        return *shared_body;
    return body;
}

void HttpResponse::clear_body() {
    body.clear();
    shared_body.reset();
    file_body.reset();
    if (stream_body)
        stream_body->close();
    stream_body.reset();
}

} // namespace support::server
