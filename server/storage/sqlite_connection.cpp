#include "server/storage/sqlite_connection.h"

#include <sqlite3.h>

#include <string>
#include <utility>

namespace support::server {

namespace {

Error sqlite_error(sqlite3* db, std::string_view what) {
    return make_error("storage.sqlite." + std::string(what),
                      std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

} // namespace

SqliteStatement::~SqliteStatement() {
    if (m_statement)
        sqlite3_finalize(m_statement);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : m_statement(std::exchange(other.m_statement, nullptr)), m_db(other.m_db) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
    if (this != &other) {
        if (m_statement)
            sqlite3_finalize(m_statement);
        m_statement = std::exchange(other.m_statement, nullptr);
        m_db = other.m_db;
    }
    return *this;
}

void SqliteStatement::bind(int index, std::string_view text) {
    // An empty view may have no data pointer, which SQLite would bind as NULL: it is ''.
    sqlite3_bind_text(m_statement, index, text.data() != nullptr ? text.data() : "",
                      static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void SqliteStatement::bind(int index, std::int64_t value) {
    sqlite3_bind_int64(m_statement, index, value);
}

void SqliteStatement::bind_null(int index) {
    sqlite3_bind_null(m_statement, index);
}

void SqliteStatement::bind(int index, const std::optional<std::int64_t>& value) {
    if (value)
        bind(index, *value);
    else
        bind_null(index);
}

void SqliteStatement::bind_optional(int index, const std::optional<std::string>& text) {
    if (text)
        bind(index, std::string_view(*text));
    else
        bind_null(index);
}

void SqliteStatement::bind_all(const std::vector<SqlValue>& values, int first) {
    for (std::size_t i = 0; i < values.size(); ++i) {
        const int index = static_cast<int>(i) + first;
        if (const auto* number = std::get_if<std::int64_t>(&values[i]))
            bind(index, *number);
        else
            bind(index, std::get<std::string>(values[i]));
    }
}

Result<bool> SqliteStatement::step() {
    const int status = sqlite3_step(m_statement);
    if (status == SQLITE_ROW)
        return true;
    if (status == SQLITE_DONE)
        return false;
    return sqlite_error(m_db, "step_failed");
}

void SqliteStatement::reset() {
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

std::int64_t SqliteStatement::column_int(int index) const {
    return sqlite3_column_int64(m_statement, index);
}

bool SqliteStatement::column_is_null(int index) const {
    return sqlite3_column_type(m_statement, index) == SQLITE_NULL;
}

std::string SqliteStatement::column_text(int index) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(m_statement, index));
    return text ? std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, index)))
                : std::string();
}

Result<SqliteConnection> SqliteConnection::open(const std::filesystem::path& path) {
    sqlite3* db = nullptr;
    const int status = sqlite3_open_v2(
        path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
    SqliteConnection connection(db);
    if (status != SQLITE_OK)
        return make_error("storage.open_failed", "cannot open " + path.string() + ": " +
                                                     (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_busy_timeout(db, 10'000);
    SW_TRY_VOID(
        connection.execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON"));
    return connection;
}

SqliteConnection::~SqliteConnection() {
    if (m_db)
        sqlite3_close_v2(m_db);
}

SqliteConnection::SqliteConnection(SqliteConnection&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr)) {}

SqliteConnection& SqliteConnection::operator=(SqliteConnection&& other) noexcept {
    if (this != &other) {
        if (m_db)
            sqlite3_close_v2(m_db);
        m_db = std::exchange(other.m_db, nullptr);
    }
    return *this;
}

Result<void> SqliteConnection::execute(std::string_view sql) {
    const std::string text(sql);
    char* message = nullptr;
    if (sqlite3_exec(m_db, text.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
        Error error = make_error("storage.sqlite.execute_failed", message ? message : "unknown error");
        sqlite3_free(message);
        return error;
    }
    return ok();
}

Result<SqliteStatement> SqliteConnection::prepare(std::string_view sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                           &statement, nullptr) != SQLITE_OK)
        return sqlite_error(m_db, "prepare_failed");
    return SqliteStatement(statement, m_db);
}

std::int64_t SqliteConnection::changes() const {
    return sqlite3_changes64(m_db);
}

std::int64_t SqliteConnection::last_insert_rowid() const {
    return sqlite3_last_insert_rowid(m_db);
}

namespace {

void call_text_function(sqlite3_context* context, int argument_count, sqlite3_value** arguments) {
    if (argument_count != 1 || sqlite3_value_type(arguments[0]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    const auto* text = reinterpret_cast<const char*>(sqlite3_value_text(arguments[0]));
    const auto size = static_cast<std::size_t>(sqlite3_value_bytes(arguments[0]));
    const auto transform = reinterpret_cast<SqliteConnection::TextFunction>(sqlite3_user_data(context));
    const std::string result = transform(std::string_view(text ? text : "", text ? size : 0));
    sqlite3_result_text64(context, result.data(), result.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

} // namespace

Result<void> SqliteConnection::define_function(const char* name, TextFunction transform) {
    if (sqlite3_create_function_v2(m_db, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                   reinterpret_cast<void*>(transform), call_text_function, nullptr, nullptr,
                                   nullptr) != SQLITE_OK)
        return sqlite_error(m_db, "define_function_failed");
    return ok();
}

} // namespace support::server
