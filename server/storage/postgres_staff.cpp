#include "server/storage/postgres_staff.h"

#include "server/storage/staff_rows.h"

#include <string>

namespace support::server::postgres_staff {

namespace {

using staff_rows::k_account_columns;
using staff_rows::read_account;

std::string text(std::string_view value) {
    return std::string(value);
}

Result<std::optional<StaffAccount>> find_in(PostgresSession& db, pqxx::transaction_base& tx,
                                            std::string_view email) {
    const pqxx::result rows =
        db.exec(tx, std::string("SELECT ") + k_account_columns + " FROM staff WHERE lower(email) = lower($1)",
                text(email));
    if (rows.empty())
        return std::optional<StaffAccount>();
    SW_TRY(auto account, read_account(PostgresRow(rows[0])));
    return std::optional(std::move(account));
}

} // namespace

Result<StaffAccount> add(PostgresSession& db, const NewStaffAccount& account) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<StaffAccount> {
        SW_TRY(auto existing, find_in(db, tx, account.email));
        if (existing)
            return make_error("storage.staff_exists",
                              "a staff account for " + existing->email + " exists already", "email");
        try {
            pqxx::subtransaction insert(tx, "add_staff");
            const pqxx::result rows = db.exec(
                insert,
                "INSERT INTO staff (email, role, password_hash, created_at_ms) VALUES ($1, $2, $3, $4) "
                "RETURNING id",
                account.email, text(staff_role_name(account.role)), account.password_hash,
                account.created_at_ms);
            insert.commit();
            return StaffAccount{PostgresRow(rows[0]).column_int(0), account.email, account.role,
                                account.password_hash, account.created_at_ms};
        } catch (const pqxx::unique_violation&) {
            // Another instance added the same address between the check and the insert.
            return make_error("storage.staff_exists",
                              "a staff account for " + account.email + " exists already", "email");
        }
    });
}

Result<std::vector<StaffAccount>> list(PostgresSession& db) {
    pqxx::read_transaction tx(db.connection());
    const pqxx::result rows =
        db.exec(tx, std::string("SELECT ") + k_account_columns + " FROM staff ORDER BY lower(email)");
    std::vector<StaffAccount> accounts;
    for (const pqxx::row& row : rows) {
        SW_TRY(auto account, read_account(PostgresRow(row)));
        accounts.push_back(std::move(account));
    }
    return accounts;
}

Result<std::optional<StaffAccount>> find(PostgresSession& db, std::string_view email) {
    pqxx::read_transaction tx(db.connection());
    return find_in(db, tx, email);
}

Result<bool> remove(PostgresSession& db, std::string_view email) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<bool> {
        return db.exec(tx, "DELETE FROM staff WHERE lower(email) = lower($1)", text(email)).affected_rows() >
               0;
    });
}

Result<bool> set_password(PostgresSession& db, std::string_view email, std::string_view password_hash) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<bool> {
        const auto updated = db.exec(tx, "UPDATE staff SET password_hash = $2 WHERE lower(email) = lower($1)",
                                     text(email), text(password_hash))
                                 .affected_rows();
        db.exec(tx,
                "DELETE FROM staff_sessions WHERE staff_id IN (SELECT id FROM staff WHERE lower(email) = "
                "lower($1))",
                text(email));
        return updated > 0;
    });
}

Result<void> add_session(PostgresSession& db, const NewStaffSession& session) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<void> {
        const auto added =
            db.exec(tx,
                    "INSERT INTO staff_sessions (token_digest, staff_id, csrf_token, created_at_ms, "
                    "last_seen_at_ms) VALUES ($1, $2, $3, $4, $4)",
                    session.token_digest, session.staff_id, session.csrf_token, session.created_at_ms)
                .affected_rows();
        if (added != 1)
            return make_error("storage.write_failed", "the session was not added");
        return ok();
    });
}

Result<std::optional<StaffSession>> find_session(PostgresSession& db, std::string_view token_digest) {
    pqxx::read_transaction tx(db.connection());
    const pqxx::result rows =
        db.exec(tx,
                "SELECT s.token_digest, s.csrf_token, s.created_at_ms, s.last_seen_at_ms, "
                "a.id, a.email, a.role, a.password_hash, a.created_at_ms "
                "FROM staff_sessions s JOIN staff a ON a.id = s.staff_id WHERE s.token_digest = $1",
                text(token_digest));
    if (rows.empty())
        return std::optional<StaffSession>();
    const PostgresRow row(rows[0]);
    StaffSession session;
    session.token_digest = row.column_text(0);
    session.csrf_token = row.column_text(1);
    session.created_at_ms = row.column_int(2);
    session.last_seen_at_ms = row.column_int(3);
    SW_TRY(session.staff, read_account(row, 4));
    return std::optional(std::move(session));
}

Result<void> touch_session(PostgresSession& db, std::string_view token_digest, std::int64_t now_ms) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<void> {
        db.exec(tx,
                "UPDATE staff_sessions SET last_seen_at_ms = GREATEST(last_seen_at_ms, $2) WHERE "
                "token_digest = $1",
                text(token_digest), now_ms);
        return ok();
    });
}

Result<void> remove_session(PostgresSession& db, std::string_view token_digest) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<void> {
        db.exec(tx, "DELETE FROM staff_sessions WHERE token_digest = $1", text(token_digest));
        return ok();
    });
}

Result<std::int64_t> remove_stale_sessions(PostgresSession& db, std::int64_t idle_before_ms,
                                           std::int64_t created_before_ms) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<std::int64_t> {
        return static_cast<std::int64_t>(
            db.exec(tx, "DELETE FROM staff_sessions WHERE last_seen_at_ms < $1 OR created_at_ms < $2",
                    idle_before_ms, created_before_ms)
                .affected_rows());
    });
}

Result<void> change_sign_in_bucket(PostgresSession& db, std::string_view key, SignInBucket fresh,
                                   const std::function<void(SignInBucket&)>& change) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<void> {
        // The row exists before it is locked, so two instances' first attempts take turns too.
        db.exec(tx,
                "INSERT INTO sign_in_throttle (key, milli_tokens, updated_at_ms) VALUES ($1, $2, $3) "
                "ON CONFLICT (key) DO NOTHING",
                text(key), staff_rows::milli_from_tokens(fresh.tokens), fresh.updated_at_ms);
        const pqxx::result rows =
            db.exec(tx, "SELECT milli_tokens, updated_at_ms FROM sign_in_throttle WHERE key = $1 FOR UPDATE",
                    text(key));
        if (rows.empty())
            return make_error("storage.write_failed", "the sign-in throttle's bucket vanished");
        const PostgresRow row(rows[0]);
        SignInBucket bucket{staff_rows::tokens_from_milli(row.column_int(0)), row.column_int(1)};
        change(bucket);
        db.exec(tx, "UPDATE sign_in_throttle SET milli_tokens = $2, updated_at_ms = $3 WHERE key = $1",
                text(key), staff_rows::milli_from_tokens(bucket.tokens), bucket.updated_at_ms);
        return ok();
    });
}

Result<std::int64_t> remove_sign_in_buckets_before(PostgresSession& db, std::int64_t updated_before_ms) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<std::int64_t> {
        return static_cast<std::int64_t>(
            db.exec(tx, "DELETE FROM sign_in_throttle WHERE updated_at_ms < $1", updated_before_ms)
                .affected_rows());
    });
}

} // namespace support::server::postgres_staff
