#pragma once
// Secrets for staff sessions: tokens from the system's CSPRNG (OpenSSL RAND_bytes), 32 bytes as
// base64url without padding (43 characters). The server keeps only a token's SHA-256 digest, so a
// copy of the database does not sign anyone in; secrets are compared in constant time.
//
// Error id: staff.token.random_failed.

#include "shared/core/result.h"

#include <string>
#include <string_view>

namespace support::server {

Result<std::string> new_secret_token();

// Lowercase hex SHA-256 of `token`.
std::string token_digest(std::string_view token);

// Equal, without a timing difference that depends on where they first differ.
bool secrets_equal(std::string_view a, std::string_view b);

} // namespace support::server
