#include "server/static/content_types.h"

#include <algorithm>
#include <array>
#include <string>

namespace support::server {

namespace {

struct ContentTypeEntry {
    std::string_view extension; // lower case, without the dot
    std::string_view content_type;
    bool compressible;
};

constexpr std::array k_content_types{
    ContentTypeEntry{"html", "text/html; charset=utf-8", true},
    ContentTypeEntry{"htm", "text/html; charset=utf-8", true},
    ContentTypeEntry{"js", "text/javascript; charset=utf-8", true},
    ContentTypeEntry{"mjs", "text/javascript; charset=utf-8", true},
    ContentTypeEntry{"css", "text/css; charset=utf-8", true},
    ContentTypeEntry{"json", "application/json", true},
    ContentTypeEntry{"map", "application/json", true},
    ContentTypeEntry{"wasm", "application/wasm", true},
    ContentTypeEntry{"svg", "image/svg+xml", true},
    ContentTypeEntry{"txt", "text/plain; charset=utf-8", true},
    ContentTypeEntry{"ttf", "font/ttf", true},
    ContentTypeEntry{"ico", "image/x-icon", true},
    ContentTypeEntry{"png", "image/png", false},
    ContentTypeEntry{"jpg", "image/jpeg", false},
    ContentTypeEntry{"jpeg", "image/jpeg", false},
    ContentTypeEntry{"webp", "image/webp", false},
    ContentTypeEntry{"woff2", "font/woff2", false},
    ContentTypeEntry{"woff", "font/woff", false},
    ContentTypeEntry{"gz", "application/gzip", false},
};

constexpr std::string_view k_default_type = "application/octet-stream";

} // namespace

std::string_view content_type_for(std::string_view file_name) {
    const auto slash = file_name.find_last_of('/');
    if (slash != std::string_view::npos)
        file_name.remove_prefix(slash + 1);
    const auto dot = file_name.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0)
        return k_default_type;
    std::string extension(file_name.substr(dot + 1));
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; });
    for (const auto& entry : k_content_types) {
        if (entry.extension == extension)
            return entry.content_type;
    }
    return k_default_type;
}

bool is_compressible_type(std::string_view content_type) {
    return std::any_of(k_content_types.begin(), k_content_types.end(), [&](const ContentTypeEntry& entry) {
        return entry.compressible && entry.content_type == content_type;
    });
}

} // namespace support::server
