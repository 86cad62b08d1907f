#pragma once
// Client ids for feedback events: RFC 9562 UUIDs as text, 8-4-4-4-12 hex digits. The server stores an
// event once per client id, so the widget picks one per event and may resend it safely.
//
//   std::array<std::uint8_t, 16> bytes;   // from crypto.getRandomValues on the web
//   std::string id = format_uuid_v4(bytes);   // "6f1c0b7e-3d2a-4c5b-9e8f-0a1b2c3d4e5f"
//
// shared/core has no randomness source: the caller supplies the 16 random bytes.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace support::protocol {

inline constexpr std::size_t k_uuid_length = 36;

// A version 4 (random) UUID from 16 random bytes: the version nibble becomes 4 and the variant bits
// 10, as RFC 9562 requires; the other 122 bits are the caller's. Lowercase hex.
std::string format_uuid_v4(std::array<std::uint8_t, 16> random_bytes);

// True for exactly 36 characters with dashes at 8, 13, 18 and 23 and hex digits (either case)
// elsewhere. Any version and variant: ids written by another client or a later release still pass.
bool is_uuid(std::string_view text);

// The lowercase form of a UUID (the form ids are compared and stored in), or nothing when `text` is
// not one.
std::optional<std::string> canonical_uuid(std::string_view text);

} // namespace support::protocol
