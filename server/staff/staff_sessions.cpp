#include "server/staff/staff_sessions.h"

#include "server/staff/password_hashing.h"
#include "server/staff/session_token.h"

#include <algorithm>
#include <cctype>

namespace support::server {

namespace {

std::string lowercase_ascii(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

SignInRefused bad_credentials() {
    return {
        make_error("api.staff.bad_credentials", "that e-mail address and password do not match an account"),
        std::nullopt};
}

// Runs `change` on the store's bucket for `key` (a full one when the key has none), in the store's
// transaction: the store keeps SignInBucket, the arithmetic works on TokenBucket.
template <typename Change>
Result<void> change_shared_bucket(Storage& storage, const std::string& key, RateLimit limit,
                                  std::int64_t now_ms, Change&& change) {
    const TokenBucket fresh = full_bucket(limit, now_ms);
    return storage.change_sign_in_bucket(key, {fresh.tokens, fresh.updated_ms}, [&](SignInBucket& stored) {
        TokenBucket bucket{stored.tokens, stored.updated_at_ms};
        change(bucket);
        stored = {bucket.tokens, bucket.updated_ms};
    });
}

std::string shared_ip_key(std::string_view client_ip) {
    return "ip:" + std::string(client_ip);
}
std::string shared_account_key(const std::string& account) {
    return "account:" + account;
}

} // namespace

Result<std::optional<std::int64_t>>
StaffSessions::spend_shared_attempt(const std::string& key, RateLimit limit, std::int64_t now_ms) {
    std::optional<std::int64_t> wait;
    SW_TRY_VOID(change_shared_bucket(*m_storage, key, limit, now_ms, [&](TokenBucket& bucket) {
        wait = spend_token(bucket, limit, now_ms);
    }));
    return wait;
}

StaffSessions::StaffSessions(std::shared_ptr<Storage> storage, StaffSessionPolicy policy,
                             ServiceClocks clocks)
    : m_storage(std::move(storage)), m_policy(policy), m_clocks(std::move(clocks)),
      m_per_account(policy.per_account, m_clocks.monotonic_ms),
      m_per_client_ip(policy.per_client_ip, m_clocks.monotonic_ms) {}

std::string_view decoy_password_hash() {
    // argon2id at the default cost of a random password nobody kept: made once, not at every start.
    return "$argon2id$v=19$m=19456,t=2,p=1$lYTt8clmjTGeX2W0obF6BA$TJ9ztW1IbsglffRY4WXMG7qlS8VtUzHX4zaj9/"
           "ZCweg";
}

std::variant<SignedIn, SignInRefused>
StaffSessions::sign_in(std::string_view email, std::string_view password, std::string_view client_ip) {
    const auto throttled = [](std::int64_t wait_ms) {
        return SignInRefused{make_error("api.staff.throttled", "too many sign-in attempts; try again later"),
                             wait_ms};
    };
    // This process's buckets first: a flood is refused without a database write.
    const std::string account_key = lowercase_ascii(email);
    if (auto wait = m_per_client_ip.take(client_ip))
        return throttled(*wait);
    if (auto wait = m_per_account.take(account_key))
        return throttled(*wait);
    // Then the store's, which every instance on it shares: N instances behind a balancer allow
    // no more guesses than one.
    const std::int64_t wall_now = m_clocks.wall_ms();
    const auto refuse = [](Error error) { return SignInRefused{std::move(error), std::nullopt}; };
    auto shared_ip = spend_shared_attempt(shared_ip_key(client_ip), m_policy.per_client_ip, wall_now);
    if (!shared_ip)
        return refuse(shared_ip.error());
    if (*shared_ip)
        return throttled(**shared_ip);
    auto shared_account =
        spend_shared_attempt(shared_account_key(account_key), m_policy.per_account, wall_now);
    if (!shared_account)
        return refuse(shared_account.error());
    if (*shared_account)
        return throttled(**shared_account);
    // Buckets untouched long enough are full again: forgetting them changes nothing (best effort).
    (void)m_storage->remove_sign_in_buckets_before(
        wall_now - std::max(refill_time_ms(m_policy.per_account), refill_time_ms(m_policy.per_client_ip)));

    auto account = m_storage->find_staff(email);
    if (!account)
        return SignInRefused{account.error(), std::nullopt};
    if (!*account) {
        (void)verify_password(decoy_password_hash(), password); // the same work as for a real account
        return bad_credentials();
    }
    if (!verify_password((*account)->password_hash, password))
        return bad_credentials();
    // Only wrong passwords use up an account's attempts: staff signing in on several devices are
    // not an attack (the per-address limit still counts every attempt).
    m_per_account.give_back(account_key);
    (void)change_shared_bucket(
        *m_storage, shared_account_key(account_key), m_policy.per_account, wall_now,
        [&](TokenBucket& bucket) { return_token(bucket, m_policy.per_account, wall_now); });

    auto token = new_secret_token();
    auto csrf = new_secret_token();
    if (!token || !csrf)
        return SignInRefused{token ? csrf.error() : token.error(), std::nullopt};
    const std::int64_t now = m_clocks.wall_ms();
    if (auto stored = m_storage->add_staff_session({token_digest(*token), (*account)->id, *csrf, now});
        !stored)
        return SignInRefused{stored.error(), std::nullopt};
    // Sessions nobody will use again (ended by time, their cookies gone) are cleared as others begin;
    // failing to clear them delays only housekeeping.
    (void)m_storage->remove_stale_staff_sessions(now - m_policy.idle_ms, now - m_policy.absolute_ms);
    return SignedIn{std::move(*token), std::move(*csrf), std::move(**account), now + m_policy.absolute_ms};
}

Result<std::optional<StaffSession>> StaffSessions::resolve(std::string_view token) {
    if (token.empty())
        return std::optional<StaffSession>();
    const std::string digest = token_digest(token);
    SW_TRY(auto session, m_storage->find_staff_session(digest));
    if (!session)
        return session;
    const std::int64_t now = m_clocks.wall_ms();
    if (now - session->last_seen_at_ms >= m_policy.idle_ms ||
        now - session->created_at_ms >= m_policy.absolute_ms) {
        SW_TRY_VOID(m_storage->remove_staff_session(digest));
        return std::optional<StaffSession>();
    }
    if (now - session->last_seen_at_ms >= m_policy.touch_after_ms) {
        SW_TRY_VOID(m_storage->touch_staff_session(digest, now));
        session->last_seen_at_ms = now;
    }
    return session;
}

Result<void> StaffSessions::sign_out(std::string_view token) {
    if (token.empty())
        return ok();
    return m_storage->remove_staff_session(token_digest(token));
}

} // namespace support::server
