#pragma once
// The staff tables (schema_migrations.cpp, migration 2) in SQL: each function runs on a connection
// the caller owns — SqliteStorage gives reads a reader and writes its staff writer.

#include "server/storage/sqlite_connection.h"
#include "server/storage/staff_record.h"
#include "shared/core/result.h"

#include <functional>
#include <optional>
#include <string_view>
#include <vector>

namespace support::server::sqlite_staff {

Result<StaffAccount> add(SqliteConnection& db, const NewStaffAccount& account);
Result<std::vector<StaffAccount>> list(SqliteConnection& db);
Result<std::optional<StaffAccount>> find(SqliteConnection& db, std::string_view email);
Result<bool> remove(SqliteConnection& db, std::string_view email);
Result<bool> set_password(SqliteConnection& db, std::string_view email, std::string_view password_hash);

Result<void> add_session(SqliteConnection& db, const NewStaffSession& session);
Result<std::optional<StaffSession>> find_session(SqliteConnection& db, std::string_view token_digest);
Result<void> touch_session(SqliteConnection& db, std::string_view token_digest, std::int64_t now_ms);
Result<void> remove_session(SqliteConnection& db, std::string_view token_digest);
Result<std::int64_t> remove_stale_sessions(SqliteConnection& db, std::int64_t idle_before_ms,
                                           std::int64_t created_before_ms);

// The sign-in throttle (migration 8): one bucket read, changed and written in one transaction.
Result<void> change_sign_in_bucket(SqliteConnection& db, std::string_view key, SignInBucket fresh,
                                   const std::function<void(SignInBucket&)>& change);
Result<std::int64_t> remove_sign_in_buckets_before(SqliteConnection& db, std::int64_t updated_before_ms);

} // namespace support::server::sqlite_staff
