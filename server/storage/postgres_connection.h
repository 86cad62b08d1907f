#pragma once
// PostgreSQL connections for the PostgreSQL store (libpqxx): a pool of connections to one database
// that handlers borrow for one call, every statement run as a statement prepared once per
// connection, rows read through the same column_text/column_int interface as SQLite's, and
// libpqxx's exceptions turned into errors at this boundary (storage.* ids with PostgreSQL's own
// message). Only server/storage includes libpqxx.
//
//   SW_TRY(auto pool, PostgresPool::open("postgresql://support@127.0.0.1/support", 8));
//   auto found = pool->with_session("storage.read_failed", [&](PostgresSession& db) -> Result<bool> {
//       pqxx::read_transaction tx(db.connection());
//       return !db.exec(tx, "SELECT 1 FROM staff WHERE id = $1", id).empty();
//   });

#include "server/storage/sql_where.h"
#include "shared/core/result.h"

#include <pqxx/pqxx>

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace support::server {

// One row of a result, read like a SqliteStatement's current row (NULL reads as "" and 0).
class PostgresRow {
  public:
    explicit PostgresRow(pqxx::row row) : m_row(std::move(row)) {}
    std::string column_text(int index) const;
    std::int64_t column_int(int index) const;
    bool column_is_null(int index) const { return m_row[index].is_null(); }

  private:
    pqxx::row m_row;
};

// A connection and the statements prepared on it.
class PostgresSession {
  public:
    explicit PostgresSession(std::unique_ptr<pqxx::connection> connection)
        : m_connection(std::move(connection)) {}

    pqxx::connection& connection() { return *m_connection; }

    // Runs `sql` (parameters $1, $2 …) in `tx` as this connection's prepared statement for that
    // text, preparing it on first use.
    template <typename... Args>
    pqxx::result exec(pqxx::transaction_base& tx, const std::string& sql, Args&&... args) {
        return tx.exec_prepared(prepared_name(sql), std::forward<Args>(args)...);
    }
    // The same with a list of values made at run time (SqlWhere's).
    pqxx::result exec_with(pqxx::transaction_base& tx, const std::string& sql,
                           const std::vector<SqlValue>& values);

  private:
    const std::string& prepared_name(const std::string& sql);

    std::unique_ptr<pqxx::connection> m_connection;
    std::unordered_set<std::string> m_prepared;
};

class PostgresPool {
  public:
    // Connects once at once (a wrong address or password fails here, with PostgreSQL's reason),
    // then opens more connections as calls need them, at most `size` at a time.
    static Result<std::unique_ptr<PostgresPool>> open(std::string url, std::size_t size);

    // A connection of its own, outside the pool (the feedback writer's, a listener's).
    Result<std::unique_ptr<pqxx::connection>> connect() const;

    // Runs `work(session)` on a borrowed connection, waiting while all are busy. An exception from
    // libpqxx becomes an error with id `failure_code` (or storage.unavailable when the server
    // cannot be reached); a connection that broke is closed, not put back, and so are the idle
    // ones (a restarted or failed-over server has cut them all), so the next call connects anew.
    template <typename Work>
    auto with_session(std::string_view failure_code, Work&& work)
        -> decltype(work(std::declval<PostgresSession&>()));

    const std::string& url() const { return m_url; }

  private:
    PostgresPool(std::string url, std::size_t size) : m_url(std::move(url)), m_size(size) {}
    Result<std::unique_ptr<PostgresSession>> borrow();
    void give_back(std::unique_ptr<PostgresSession> session);
    void close_idle();

    std::string m_url;
    std::size_t m_size;
    std::mutex m_mutex;
    std::condition_variable m_returned;
    std::vector<std::unique_ptr<PostgresSession>> m_idle;
    std::size_t m_open = 0;
};

// An error with id `code` for what libpqxx threw (storage.unavailable for a lost connection).
Error postgres_error(std::string_view code, const std::exception& thrown);

// Runs `work(tx)` (returning a Result) in a read-write transaction on `session`'s connection;
// commits when it succeeds, rolls back when it returns an error.
template <typename Work>
auto in_postgres_transaction(PostgresSession& session, Work&& work)
    -> decltype(work(std::declval<pqxx::work&>())) {
    pqxx::work tx(session.connection());
    auto result = work(tx);
    if (result)
        tx.commit();
    return result;
}

template <typename Work>
auto PostgresPool::with_session(std::string_view failure_code, Work&& work)
    -> decltype(work(std::declval<PostgresSession&>())) {
    auto borrowed = borrow();
    if (!borrowed)
        return borrowed.error();
    std::unique_ptr<PostgresSession> session = std::move(*borrowed);
    try {
        auto result = work(*session);
        give_back(std::move(session));
        return result;
    } catch (const std::exception& thrown) {
        const bool broken = !session->connection().is_open() ||
                            dynamic_cast<const pqxx::broken_connection*>(&thrown) != nullptr;
        give_back(broken ? nullptr : std::move(session));
        if (broken)
            close_idle();
        return postgres_error(failure_code, thrown);
    }
}

} // namespace support::server
