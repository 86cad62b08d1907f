#pragma once
// gzip (RFC 1952) for bytes held in memory, such as API bodies compressed once at start. Deflate
// comes from the header-only zlib port inside Boost.Beast, so no zlib library is needed.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace support::server {

// The gzip member for `bytes` (best compression); nothing if deflate fails.
std::optional<std::string> gzip_compress(std::string_view bytes);

// CRC-32 as gzip and PNG use it (polynomial 0xEDB88320): crc32("123456789") == 0xCBF43926.
std::uint32_t crc32(std::string_view bytes);

} // namespace support::server
