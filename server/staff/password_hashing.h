#pragma once
// Staff passwords, hashed with argon2id (libargon2) into its self-describing encoded form
// ("$argon2id$v=19$m=19456,t=2,p=1$salt$hash"), so parameters can be raised later and old hashes
// still verify. A password is never stored, logged or compared in the clear.
//
// Error ids: staff.password.too_short, staff.password.too_long, staff.password.hash_failed.

#include "shared/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace support::server {

inline constexpr std::size_t k_min_password_chars = 12;
inline constexpr std::size_t k_max_password_bytes = 1024;

struct PasswordHashCost {
    std::uint32_t memory_kib = 19 * 1024; // OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane
    std::uint32_t passes = 2;
    std::uint32_t lanes = 1;
};

// Whether a new password is acceptable: at least k_min_password_chars characters (code points),
// at most k_max_password_bytes.
Result<void> check_new_password(std::string_view password);

// A fresh random salt, then argon2id.
Result<std::string> hash_password(std::string_view password, const PasswordHashCost& cost = {});

// True when `password` matches `encoded` (a constant-time comparison inside libargon2); false for a
// wrong password or an encoded hash that cannot be read.
bool verify_password(std::string_view encoded, std::string_view password);

} // namespace support::server
