#pragma once
// Staff accounts and their signed-in sessions as the store keeps them. An e-mail address is kept
// as given but compared without regard to ASCII case; a session is found by the SHA-256 digest of
// its token (server/staff/session_token.h), never by the token itself.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace support::server {

enum class StaffRole : std::uint8_t { Admin, Agent };

std::string_view staff_role_name(StaffRole role); // "admin", "agent"
std::optional<StaffRole> parse_staff_role(std::string_view name);

struct NewStaffAccount {
    std::string email;
    StaffRole role = StaffRole::Agent;
    std::string password_hash; // argon2id, encoded
    std::int64_t created_at_ms = 0;
};

struct StaffAccount {
    std::int64_t id = 0;
    std::string email;
    StaffRole role = StaffRole::Agent;
    std::string password_hash;
    std::int64_t created_at_ms = 0;
};

struct NewStaffSession {
    std::string token_digest;
    std::int64_t staff_id = 0;
    std::string csrf_token;
    std::int64_t created_at_ms = 0;
};

// A bucket of the staff sign-in throttle (server/staff/staff_sessions.h): sign-in attempts left as
// of `updated_at_ms` (wall clock: every instance sharing the store counts on it). Kept to a
// thousandth of an attempt.
struct SignInBucket {
    double tokens = 0;
    std::int64_t updated_at_ms = 0;
};

struct StaffSession {
    std::string token_digest;
    std::string csrf_token;
    std::int64_t created_at_ms = 0;
    std::int64_t last_seen_at_ms = 0;
    StaffAccount staff;
};

} // namespace support::server
