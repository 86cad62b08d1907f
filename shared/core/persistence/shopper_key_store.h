#pragma once
// This browser's shopper key for the site (protocol/shopper_key.h), kept under "shopper-key": read,
// or made from 16 random bytes and kept on first use. The feedback outbox (shared/web/
// feedback_outbox.mjs) reads and makes it the same way; whichever sends first makes it.
//
// Without working storage the key is still returned (that page's feedback and chat can be forgotten
// while it is open), just not kept.

#include "shared/core/persistence/key_value_store.h"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace support::persistence {

inline constexpr std::string_view k_shopper_key_key = "shopper-key";

std::string load_or_create_shopper_key(KeyValueStore& storage,
                                       const std::array<std::uint8_t, 16>& random_bytes);

// The kept key, or "" when there is none (nothing was sent, or it was forgotten).
std::string stored_shopper_key(KeyValueStore& storage);

} // namespace support::persistence
