#pragma once
// Move-only owners of a sqlite3 connection and a prepared statement, with errors as values
// (storage.sqlite.* ids carrying SQLite's own message).
//
//   SW_TRY(auto db, SqliteConnection::open(path));
//   SW_TRY(auto insert, db.prepare("INSERT INTO t(a) VALUES(?1)"));
//   insert.bind(1, "x");
//   SW_TRY(bool row, insert.step());

#include "server/storage/sql_where.h"
#include "shared/core/result.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace support::server {

class SqliteStatement {
  public:
    SqliteStatement() = default;
    ~SqliteStatement();
    SqliteStatement(SqliteStatement&& other) noexcept;
    SqliteStatement& operator=(SqliteStatement&& other) noexcept;
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;

    // Parameters are 1-based, as in SQLite's ?1, ?2 …
    void bind(int index, std::string_view text);
    void bind(int index, std::int64_t value);
    void bind_null(int index);
    void bind(int index, const std::optional<std::int64_t>& value);
    void bind_optional(int index, const std::optional<std::string>& text); // NULL when empty
    // Binds values[0] to ?first, values[1] to the next, and so on.
    void bind_all(const std::vector<SqlValue>& values, int first = 1);

    // true: a row is ready to read; false: done.
    Result<bool> step();
    // Ready for another run with new bindings.
    void reset();

    std::int64_t column_int(int index) const;
    bool column_is_null(int index) const;
    std::string column_text(int index) const;

  private:
    friend class SqliteConnection;
    SqliteStatement(sqlite3_stmt* statement, sqlite3* db) : m_statement(statement), m_db(db) {}
    sqlite3_stmt* m_statement = nullptr;
    sqlite3* m_db = nullptr;
};

class SqliteConnection {
  public:
    // Opens or creates the file; WAL journal, synchronous=FULL, foreign keys on, a busy timeout
    // so readers and the writer of several processes wait for each other instead of failing.
    static Result<SqliteConnection> open(const std::filesystem::path& path);

    ~SqliteConnection();
    SqliteConnection(SqliteConnection&& other) noexcept;
    SqliteConnection& operator=(SqliteConnection&& other) noexcept;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    // Runs statements that return no rows (several, separated by ';').
    Result<void> execute(std::string_view sql);
    Result<SqliteStatement> prepare(std::string_view sql);
    std::int64_t changes() const;
    std::int64_t last_insert_rowid() const;

    // Makes `transform` callable from SQL on this connection as name(text) → text (NULL stays
    // NULL): deterministic, so indexes and migrations may use it.
    using TextFunction = std::string (*)(std::string_view);
    Result<void> define_function(const char* name, TextFunction transform);

  private:
    explicit SqliteConnection(sqlite3* db) : m_db(db) {}
    sqlite3* m_db = nullptr;
};

// Runs `work` (returning a Result) between BEGIN IMMEDIATE and COMMIT; rolls back when it returns
// an error or the commit fails, and returns what it returned.
template <typename Work> auto in_transaction(SqliteConnection& db, Work&& work) -> decltype(work()) {
    SW_TRY_VOID(db.execute("BEGIN IMMEDIATE"));
    auto result = work();
    if (!result) {
        (void)db.execute("ROLLBACK");
        return result;
    }
    if (auto committed = db.execute("COMMIT"); !committed) {
        (void)db.execute("ROLLBACK");
        return std::move(committed).error();
    }
    return result;
}

} // namespace support::server
