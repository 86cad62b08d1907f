#pragma once
// Content negotiation on Accept-Encoding, just far enough to choose a pre-compressed gzip file.

#include <string_view>

namespace support::server {

// True when the Accept-Encoding header value accepts gzip: "gzip" (or "x-gzip") with a q-value
// above 0, or "*" with q above 0 when gzip is not listed. "gzip;q=0" refuses it; an empty or
// missing header accepts only the identity encoding.
bool accepts_gzip(std::string_view accept_encoding);

} // namespace support::server
