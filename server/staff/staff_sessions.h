#pragma once
// Signing staff in and recognising them afterwards: a session is a random token (the cookie's
// value; the store keeps only its digest) with a CSRF token beside it, ending after `idle_ms`
// without use or `absolute_ms` after sign-in, whichever comes first, or at once when the account is
// removed, its password changes or it signs out.
//
// Sign-in answers the same for an unknown address and a wrong password (api.staff.bad_credentials),
// after the same argon2id work, so it tells nobody which addresses have accounts. Attempts are
// throttled per account and per client address (api.staff.throttled, with the wait) before any
// hashing, so a flood costs no CPU: first in this process's memory (a flood costs no database
// write either), then in the store's buckets (Storage::change_sign_in_bucket), which every
// instance sharing a PostgreSQL store counts in, so a balancer spreading guesses over N instances
// does not multiply them by N. Each sign-in also clears the store of sessions that have ended.

#include "server/http/service_clocks.h"
#include "server/middleware/rate_limit.h"
#include "server/storage/storage.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace support::server {

struct StaffSessionPolicy {
    std::int64_t idle_ms = 4LL * 3600 * 1000;      // a working session survives lunch, not the night
    std::int64_t absolute_ms = 12LL * 3600 * 1000; // at most a long shift, then sign in again
    std::int64_t touch_after_ms = 60 * 1000;       // last use is written at most once a minute
    RateLimit per_account{.burst = 5, .per_minute = 1};
    RateLimit per_client_ip{.burst = 20, .per_minute = 10};
};

struct SignedIn {
    std::string token; // for the cookie only; never stored or logged
    std::string csrf_token;
    StaffAccount staff;
    std::int64_t expires_at_ms = 0; // the absolute end
};

struct SignInRefused {
    Error error;                                // api.staff.bad_credentials, api.staff.throttled, storage.*
    std::optional<std::int64_t> retry_after_ms; // throttled: when to try again
};

class StaffSessions {
  public:
    StaffSessions(std::shared_ptr<Storage> storage, StaffSessionPolicy policy = {},
                  ServiceClocks clocks = system_clocks());

    std::variant<SignedIn, SignInRefused> sign_in(std::string_view email, std::string_view password,
                                                  std::string_view client_ip);

    // The live session `token` names, or nothing (no such session, or it has ended: then it is
    // removed). Its last use is recorded.
    Result<std::optional<StaffSession>> resolve(std::string_view token);

    Result<void> sign_out(std::string_view token);

    const StaffSessionPolicy& policy() const { return m_policy; }

  private:
    // Spends one attempt of the store's bucket for `key`: nothing, or the wait.
    Result<std::optional<std::int64_t>> spend_shared_attempt(const std::string& key, RateLimit limit,
                                                             std::int64_t now_ms);

    std::shared_ptr<Storage> m_storage;
    StaffSessionPolicy m_policy;
    ServiceClocks m_clocks;
    RateLimiter m_per_account;
    RateLimiter m_per_client_ip;
};

// What a password is verified against when the address has no account: an argon2id hash at the
// default cost (PasswordHashCost), so an unknown address takes as long to refuse as a wrong password.
std::string_view decoy_password_hash();

} // namespace support::server
