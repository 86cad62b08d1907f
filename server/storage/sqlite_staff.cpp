#include "server/storage/sqlite_staff.h"

#include "server/storage/staff_rows.h"

#include <functional>
#include <string>

namespace support::server::sqlite_staff {

namespace {

using staff_rows::k_account_columns;
using staff_rows::read_account;

// Runs a statement that changes rows; how many it changed.
Result<std::int64_t> change(SqliteConnection& db, std::string_view sql,
                            const std::function<void(SqliteStatement&)>& bind) {
    SW_TRY(auto statement, db.prepare(sql));
    bind(statement);
    SW_TRY(bool unused_row, statement.step());
    (void)unused_row;
    return db.changes();
}

} // namespace

Result<StaffAccount> add(SqliteConnection& db, const NewStaffAccount& account) {
    SW_TRY(auto existing, find(db, account.email));
    if (existing)
        return make_error("storage.staff_exists",
                          "a staff account for " + existing->email + " exists already", "email");
    SW_TRY(std::int64_t added,
           change(db, "INSERT INTO staff (email, role, password_hash, created_at_ms) VALUES (?1, ?2, ?3, ?4)",
                  [&](SqliteStatement& s) {
                      s.bind(1, account.email);
                      s.bind(2, staff_role_name(account.role));
                      s.bind(3, account.password_hash);
                      s.bind(4, account.created_at_ms);
                  }));
    if (added != 1)
        return make_error("storage.write_failed", "the staff account was not added");
    return StaffAccount{db.last_insert_rowid(), account.email, account.role, account.password_hash,
                        account.created_at_ms};
}

Result<std::vector<StaffAccount>> list(SqliteConnection& db) {
    SW_TRY(auto statement, db.prepare(std::string("SELECT ") + k_account_columns +
                                      " FROM staff ORDER BY email COLLATE NOCASE"));
    std::vector<StaffAccount> accounts;
    for (;;) {
        SW_TRY(bool row, statement.step());
        if (!row)
            break;
        SW_TRY(auto account, read_account(statement));
        accounts.push_back(std::move(account));
    }
    return accounts;
}

Result<std::optional<StaffAccount>> find(SqliteConnection& db, std::string_view email) {
    SW_TRY(auto statement,
           db.prepare(std::string("SELECT ") + k_account_columns + " FROM staff WHERE email = ?1"));
    statement.bind(1, email);
    SW_TRY(bool row, statement.step());
    if (!row)
        return std::optional<StaffAccount>();
    SW_TRY(auto account, read_account(statement));
    return std::optional(std::move(account));
}

Result<bool> remove(SqliteConnection& db, std::string_view email) {
    SW_TRY(std::int64_t removed,
           change(db, "DELETE FROM staff WHERE email = ?1", [&](SqliteStatement& s) { s.bind(1, email); }));
    return removed > 0;
}

Result<bool> set_password(SqliteConnection& db, std::string_view email, std::string_view password_hash) {
    SW_TRY_VOID(db.execute("BEGIN IMMEDIATE"));
    auto changed = [&]() -> Result<bool> {
        SW_TRY(std::int64_t updated,
               change(db, "UPDATE staff SET password_hash = ?2 WHERE email = ?1", [&](SqliteStatement& s) {
                   s.bind(1, email);
                   s.bind(2, password_hash);
               }));
        SW_TRY(std::int64_t ended,
               change(db,
                      "DELETE FROM staff_sessions WHERE staff_id = (SELECT id FROM staff WHERE email = ?1)",
                      [&](SqliteStatement& s) { s.bind(1, email); }));
        (void)ended;
        return updated > 0;
    }();
    if (!changed) {
        (void)db.execute("ROLLBACK");
        return changed.error();
    }
    SW_TRY_VOID(db.execute("COMMIT"));
    return *changed;
}

Result<void> add_session(SqliteConnection& db, const NewStaffSession& session) {
    SW_TRY(std::int64_t added, change(db,
                                      "INSERT INTO staff_sessions (token_digest, staff_id, csrf_token, "
                                      "created_at_ms, last_seen_at_ms) VALUES (?1, ?2, ?3, ?4, ?4)",
                                      [&](SqliteStatement& s) {
                                          s.bind(1, session.token_digest);
                                          s.bind(2, session.staff_id);
                                          s.bind(3, session.csrf_token);
                                          s.bind(4, session.created_at_ms);
                                      }));
    if (added != 1)
        return make_error("storage.write_failed", "the session was not added");
    return ok();
}

Result<std::optional<StaffSession>> find_session(SqliteConnection& db, std::string_view token_digest) {
    SW_TRY(auto statement,
           db.prepare("SELECT s.token_digest, s.csrf_token, s.created_at_ms, s.last_seen_at_ms, "
                      "a.id, a.email, a.role, a.password_hash, a.created_at_ms "
                      "FROM staff_sessions s JOIN staff a ON a.id = s.staff_id WHERE s.token_digest = ?1"));
    statement.bind(1, token_digest);
    SW_TRY(bool row, statement.step());
    if (!row)
        return std::optional<StaffSession>();
    StaffSession session;
    session.token_digest = statement.column_text(0);
    session.csrf_token = statement.column_text(1);
    session.created_at_ms = statement.column_int(2);
    session.last_seen_at_ms = statement.column_int(3);
    SW_TRY(session.staff, read_account(statement, 4));
    return std::optional(std::move(session));
}

Result<void> touch_session(SqliteConnection& db, std::string_view token_digest, std::int64_t now_ms) {
    SW_TRY(std::int64_t touched,
           change(db,
                  "UPDATE staff_sessions SET last_seen_at_ms = MAX(last_seen_at_ms, ?2) "
                  "WHERE token_digest = ?1",
                  [&](SqliteStatement& s) {
                      s.bind(1, token_digest);
                      s.bind(2, now_ms);
                  }));
    (void)touched;
    return ok();
}

Result<void> remove_session(SqliteConnection& db, std::string_view token_digest) {
    SW_TRY(std::int64_t removed, change(db, "DELETE FROM staff_sessions WHERE token_digest = ?1",
                                        [&](SqliteStatement& s) { s.bind(1, token_digest); }));
    (void)removed;
    return ok();
}

Result<std::int64_t> remove_stale_sessions(SqliteConnection& db, std::int64_t idle_before_ms,
                                           std::int64_t created_before_ms) {
    return change(db, "DELETE FROM staff_sessions WHERE last_seen_at_ms < ?1 OR created_at_ms < ?2",
                  [&](SqliteStatement& s) {
                      s.bind(1, idle_before_ms);
                      s.bind(2, created_before_ms);
                  });
}

Result<void> change_sign_in_bucket(SqliteConnection& db, std::string_view key, SignInBucket fresh,
                                   const std::function<void(SignInBucket&)>& change_bucket) {
    return in_transaction(db, [&]() -> Result<void> {
        SignInBucket bucket = fresh;
        {
            SW_TRY(auto select,
                   db.prepare("SELECT milli_tokens, updated_at_ms FROM sign_in_throttle WHERE key = ?1"));
            select.bind(1, key);
            SW_TRY(bool found, select.step());
            if (found)
                bucket = {staff_rows::tokens_from_milli(select.column_int(0)), select.column_int(1)};
        }
        change_bucket(bucket);
        SW_TRY(std::int64_t written,
               change(db,
                      "INSERT INTO sign_in_throttle (key, milli_tokens, updated_at_ms) VALUES (?1, ?2, ?3) "
                      "ON CONFLICT (key) DO UPDATE SET milli_tokens = excluded.milli_tokens, "
                      "updated_at_ms = excluded.updated_at_ms",
                      [&](SqliteStatement& s) {
                          s.bind(1, key);
                          s.bind(2, staff_rows::milli_from_tokens(bucket.tokens));
                          s.bind(3, bucket.updated_at_ms);
                      }));
        (void)written;
        return ok();
    });
}

Result<std::int64_t> remove_sign_in_buckets_before(SqliteConnection& db, std::int64_t updated_before_ms) {
    return change(db, "DELETE FROM sign_in_throttle WHERE updated_at_ms < ?1",
                  [&](SqliteStatement& s) { s.bind(1, updated_before_ms); });
}

} // namespace support::server::sqlite_staff
