#pragma once
// The staff tables (postgres_schema.cpp, migration 2) in PostgreSQL: each function runs on a pooled
// session the caller borrowed, in a transaction of its own (committed when it returns). E-mail
// addresses match through lower(email).

#include "server/storage/postgres_connection.h"
#include "server/storage/staff_record.h"

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace support::server::postgres_staff {

Result<StaffAccount> add(PostgresSession& db, const NewStaffAccount& account);
Result<std::vector<StaffAccount>> list(PostgresSession& db);
Result<std::optional<StaffAccount>> find(PostgresSession& db, std::string_view email);
Result<bool> remove(PostgresSession& db, std::string_view email);
Result<bool> set_password(PostgresSession& db, std::string_view email, std::string_view password_hash);
Result<void> add_session(PostgresSession& db, const NewStaffSession& session);
Result<std::optional<StaffSession>> find_session(PostgresSession& db, std::string_view token_digest);
Result<void> touch_session(PostgresSession& db, std::string_view token_digest, std::int64_t now_ms);
Result<void> remove_session(PostgresSession& db, std::string_view token_digest);
Result<std::int64_t> remove_stale_sessions(PostgresSession& db, std::int64_t idle_before_ms,
                                           std::int64_t created_before_ms);

// The sign-in throttle (migration 8): one bucket read, changed and written in one transaction.
Result<void> change_sign_in_bucket(PostgresSession& db, std::string_view key, SignInBucket fresh,
                                   const std::function<void(SignInBucket&)>& change);
Result<std::int64_t> remove_sign_in_buckets_before(PostgresSession& db, std::int64_t updated_before_ms);

} // namespace support::server::postgres_staff
