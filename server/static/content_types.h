#pragma once
// Content-Type by file extension for the static files we serve, and which of them are worth
// sending gzip-compressed.

#include <string_view>

namespace support::server {

// The Content-Type for a file name or path, by its extension (case-insensitive);
// "application/octet-stream" for extensions we do not know.
std::string_view content_type_for(std::string_view file_name);

// True for types that compress well (text, JSON, JavaScript, WebAssembly, SVG, TTF): responses of
// these types vary by Accept-Encoding and may be served from a pre-compressed FILE.gz.
bool is_compressible_type(std::string_view content_type);

} // namespace support::server
