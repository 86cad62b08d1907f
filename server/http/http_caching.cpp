#include "server/http/http_caching.h"

#include "server/static/content_types.h"

#include <cstdio>

namespace support::server {

namespace {

bool is_hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

std::string_view strip_weak_prefix(std::string_view tag) {
    return tag.starts_with("W/") ? tag.substr(2) : tag;
}

std::string_view base_name(std::string_view path) {
    const auto slash = path.find_last_of('/');
    return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

} // namespace

std::string make_etag(std::uintmax_t size, std::chrono::nanoseconds mtime, FileVariant variant) {
    char text[64];
    std::snprintf(text, sizeof text, "\"%jx-%llx%s\"", size, static_cast<unsigned long long>(mtime.count()),
                  variant == FileVariant::Gzip ? "-gz" : "");
    return text;
}

std::string make_etag_for_bytes(std::string_view bytes) {
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    char text[64];
    std::snprintf(text, sizeof text, "\"%016llx-%zx\"", static_cast<unsigned long long>(hash), bytes.size());
    return text;
}

bool if_none_match_matches(std::string_view if_none_match, std::string_view etag) {
    const std::string_view wanted = strip_weak_prefix(etag);
    std::size_t i = 0;
    while (i < if_none_match.size()) {
        const char c = if_none_match[i];
        if (c == ' ' || c == '\t' || c == ',') {
            ++i;
            continue;
        }
        if (c == '*')
            return true;
        if (if_none_match.substr(i).starts_with("W/"))
            i += 2;
        if (i >= if_none_match.size() || if_none_match[i] != '"')
            return false;
        const auto close = if_none_match.find('"', i + 1);
        if (close == std::string_view::npos)
            return false;
        if (if_none_match.substr(i, close - i + 1) == wanted)
            return true;
        i = close + 1;
    }
    return false;
}

bool has_content_hash(std::string_view file_name) {
    file_name = base_name(file_name);
    const auto last_dot = file_name.find_last_of('.');
    if (last_dot == std::string_view::npos)
        return false;
    std::string_view rest = file_name.substr(0, last_dot);
    while (!rest.empty()) {
        const auto dot = rest.find('.');
        const std::string_view segment = rest.substr(0, dot);
        bool all_hex = segment.size() >= 8;
        for (char c : segment)
            all_hex = all_hex && is_hex_digit(c);
        if (all_hex)
            return true;
        if (dot == std::string_view::npos)
            break;
        rest = rest.substr(dot + 1);
    }
    return false;
}

std::string_view cache_control_for(std::string_view file_name) {
    if (has_content_hash(file_name))
        return "public, max-age=31536000, immutable";
    if (content_type_for(file_name).starts_with("text/html"))
        return "no-cache";
    return "public, max-age=300";
}

} // namespace support::server
