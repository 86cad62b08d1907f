#include "server/http/http_caching.h"

#include "server/static/content_types.h"

#include <algorithm>
#include <cstdio>

namespace support::server {

namespace {

bool is_lower_hex_digit(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
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
    // The stem before the first dot and the extension after the last are never the hash.
    const auto first_dot = file_name.find('.');
    const auto last_dot = file_name.rfind('.');
    if (first_dot == std::string_view::npos || first_dot == 0 || first_dot == last_dot)
        return false;
    std::string_view middle = file_name.substr(first_dot + 1, last_dot - first_dot - 1);
    while (true) {
        const auto dot = middle.find('.');
        const std::string_view segment = middle.substr(0, dot);
        if (segment.size() == k_content_hash_digits &&
            std::all_of(segment.begin(), segment.end(), is_lower_hex_digit))
            return true;
        if (dot == std::string_view::npos)
            return false;
        middle.remove_prefix(dot + 1);
    }
}

std::string_view cache_control_for(std::string_view file_name) {
    if (has_content_hash(file_name))
        return "public, max-age=31536000, immutable";
    if (content_type_for(file_name).starts_with("text/html"))
        return "no-cache";
    return "public, max-age=300";
}

} // namespace support::server
