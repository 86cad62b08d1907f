#pragma once
// Caching rules: strong ETags for files and for bytes built in memory, If-None-Match matching and
// Cache-Control by file name.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace support::server {

enum class FileVariant { Identity, Gzip };

// A strong ETag, quotes included: "<size hex>-<mtime ns hex>", with "-gz" appended for the
// pre-compressed variant so the two never share a tag.
std::string make_etag(std::uintmax_t size, std::chrono::nanoseconds mtime, FileVariant variant);

// A strong ETag over bytes built in memory (API bodies prepared at start): "<FNV-1a 64 hex>-<size
// hex>", quotes included. Equal bytes always give the same tag, across restarts too.
std::string make_etag_for_bytes(std::string_view bytes);

// True when an If-None-Match header value matches etag: "*", or any listed tag, compared weakly as
// RFC 9110 §13.1.2 asks (a W/ prefix on either side is ignored). A malformed list matches nothing.
bool if_none_match_matches(std::string_view if_none_match, std::string_view etag);

// The hex digits of the content hash the build puts in published names
// (scripts/lib/publish-dist.mjs: name.<hash>.ext).
inline constexpr std::size_t k_content_hash_digits = 10;

// True for the names the build writes for content it hashes: a dot-separated segment between the
// stem and the extension that is exactly k_content_hash_digits lowercase hex digits —
// "support-widget-core.3fa9c2d1e0.wasm", "support-widget-core.3fa9c2d1e0.guide.mjs". A name that
// merely holds digits ("20241205.html", "report.2024-12.pdf") is not one: the site owner may
// change it in place.
bool has_content_hash(std::string_view file_name);

// "public, max-age=31536000, immutable" for content-hashed names, "no-cache" for HTML, and
// "public, max-age=300" for everything else (such as the loader support-widget.js, whose name
// stays the same between releases).
std::string_view cache_control_for(std::string_view file_name);

} // namespace support::server
