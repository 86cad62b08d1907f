#include "server/storage/store_copy.h"

#include "server/storage/postgres_connection.h"
#include "server/storage/postgres_storage.h"
#include "server/storage/sqlite_storage.h"

#include <openssl/evp.h>

#include <array>
#include <cstring>
#include <optional>

namespace support::server {

namespace {

struct TableSpec {
    const char* name;
    bool identity; // its id column counts up: the counter moves past the copied ids
};

// Every table but sign_in_throttle: its counts of recent sign-in attempts are worth nothing after
// the move (they would be full again before the servers start on the new store).
constexpr std::array<TableSpec, 8> k_tables = {{
    {"staff", true},
    {"staff_sessions", false},
    {"feedback", true},
    {"feedback_tags", false},
    {"feedback_activity", true},
    {"conversations", false},
    {"chat_events", false},
    {"shopper_erasures", true},
}};

constexpr std::size_t k_rows_per_insert = 200;

using Row = std::vector<std::optional<std::string>>;

// Adds one row's hash into `sum`: the sum does not depend on the order rows are read in (the two
// databases collate text differently), and any changed, missing or extra row changes it.
void add_row_hash(const Row& row, std::uint64_t& sum) {
    std::string canonical;
    for (const auto& value : row) {
        if (value) {
            canonical += 'v';
            canonical += std::to_string(value->size());
            canonical += ':';
            canonical += *value;
        } else {
            canonical += 'n';
        }
    }
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    EVP_Digest(canonical.data(), canonical.size(), digest.data(), &length, EVP_sha256(), nullptr);
    std::uint64_t first = 0;
    std::memcpy(&first, digest.data(), sizeof first);
    sum += first;
}

std::string hex(std::uint64_t value) {
    static constexpr char k_digits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, value >>= 4)
        out[static_cast<std::size_t>(i)] = k_digits[value & 15];
    return out;
}

Result<std::vector<std::string>> sqlite_columns(SqliteConnection& db, const std::string& table) {
    SW_TRY(auto statement, db.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid"));
    statement.bind(1, table);
    std::vector<std::string> columns;
    for (;;) {
        SW_TRY(bool row, statement.step());
        if (!row)
            break;
        columns.push_back(statement.column_text(0));
    }
    if (columns.empty())
        return make_error("storage.read_failed", "the SQLite store has no table " + table);
    return columns;
}

std::string column_list(const std::vector<std::string>& columns) {
    std::string out;
    for (const auto& column : columns)
        out += (out.empty() ? "" : ", ") + column;
    return out;
}

// Reads every row of `table` as text (NULL as nothing) and hands each to `take`.
template <typename Take>
Result<void> each_sqlite_row(SqliteConnection& db, const std::string& table,
                             const std::vector<std::string>& columns, Take&& take) {
    SW_TRY(auto statement, db.prepare("SELECT " + column_list(columns) + " FROM " + table));
    Row row(columns.size());
    for (;;) {
        SW_TRY(bool more, statement.step());
        if (!more)
            return ok();
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const int index = static_cast<int>(i);
            row[i] =
                statement.column_is_null(index) ? std::nullopt : std::optional(statement.column_text(index));
        }
        SW_TRY_VOID(take(row));
    }
}

void insert_rows(pqxx::work& tx, const std::string& table, const std::vector<std::string>& columns,
                 const std::vector<Row>& rows) {
    if (rows.empty())
        return;
    std::string sql = "INSERT INTO " + table + " (" + column_list(columns) + ") VALUES ";
    std::vector<std::optional<std::string>> values;
    int n = 0;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        sql += r ? ", (" : "(";
        for (std::size_t c = 0; c < columns.size(); ++c) {
            sql += (c ? ", $" : "$") + std::to_string(++n);
            values.push_back(rows[r][c]);
        }
        sql += ')';
    }
    tx.exec_params(sql, pqxx::prepare::make_dynamic_params(values));
}

TableCopy postgres_table_sum(pqxx::work& tx, const std::string& table,
                             const std::vector<std::string>& columns) {
    std::string select = "SELECT ";
    for (std::size_t i = 0; i < columns.size(); ++i)
        select += (i ? ", " : "") + columns[i] + "::text";
    TableCopy copy{table, 0, ""};
    std::uint64_t sum = 0;
    Row row(columns.size());
    for (const pqxx::row& found : tx.exec(select + " FROM " + table)) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const pqxx::field field = found[static_cast<int>(i)];
            row[i] = field.is_null() ? std::nullopt : std::optional(std::string(field.c_str(), field.size()));
        }
        add_row_hash(row, sum);
        ++copy.rows;
    }
    copy.checksum = hex(sum);
    return copy;
}

Result<std::vector<TableCopy>> copy_tables(SqliteConnection& source, pqxx::work& tx) {
    for (const TableSpec& table : k_tables) {
        if (!tx.exec(std::string("SELECT 1 FROM ") + table.name + " LIMIT 1").empty())
            return make_error("migrate.target_not_empty",
                              std::string("the PostgreSQL store holds data already (table ") + table.name +
                                  "); migrate-db only fills an empty one",
                              "--to");
    }
    std::vector<TableCopy> copied;
    for (const TableSpec& spec : k_tables) {
        const std::string table = spec.name;
        SW_TRY(auto columns, sqlite_columns(source, table));
        TableCopy from{table, 0, ""};
        std::uint64_t sum = 0;
        std::vector<Row> batch;
        SW_TRY_VOID(each_sqlite_row(source, table, columns, [&](const Row& row) -> Result<void> {
            add_row_hash(row, sum);
            ++from.rows;
            batch.push_back(row);
            if (batch.size() == k_rows_per_insert) {
                insert_rows(tx, table, columns, batch);
                batch.clear();
            }
            return ok();
        }));
        insert_rows(tx, table, columns, batch);
        from.checksum = hex(sum);
        if (spec.identity)
            tx.exec("SELECT setval(pg_get_serial_sequence('" + table +
                    "', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM " + table);
        const TableCopy to = postgres_table_sum(tx, table, columns);
        if (to.rows != from.rows || to.checksum != from.checksum)
            return make_error("migrate.mismatch", table + ": SQLite has " + std::to_string(from.rows) +
                                                      " rows (" + from.checksum + "), PostgreSQL " +
                                                      std::to_string(to.rows) + " (" + to.checksum + ")");
        copied.push_back(from);
    }
    return copied;
}

} // namespace

std::vector<std::string> copied_tables() {
    std::vector<std::string> names;
    for (const TableSpec& table : k_tables)
        names.emplace_back(table.name);
    return names;
}

Result<std::vector<TableCopy>> copy_sqlite_store_to_postgres(std::string_view sqlite_path,
                                                             std::string_view postgres_url) {
    if (!std::filesystem::exists(std::string(sqlite_path)))
        return make_error("storage.open_failed", "there is no SQLite store at " + std::string(sqlite_path),
                          "--from");
    { SW_TRY(auto migrated, SqliteStorage::open(std::string(sqlite_path))); } // to the newest schema
    { SW_TRY(auto migrated, PostgresStorage::open(std::string(postgres_url), 1)); }
    SW_TRY(auto source, SqliteConnection::open(std::string(sqlite_path)));
    SW_TRY(auto pool, PostgresPool::open(std::string(postgres_url), 1));
    return pool->with_session("storage.write_failed", [&](PostgresSession& session) {
        return in_postgres_transaction(session, [&](pqxx::work& tx) {
            // Nothing else writes while the copy runs; the target's tables are checked empty first.
            tx.exec("LOCK TABLE staff, staff_sessions, feedback, feedback_tags, feedback_activity, "
                    "conversations, "
                    "chat_events, shopper_erasures IN EXCLUSIVE MODE");
            return copy_tables(source, tx);
        });
    });
}

} // namespace support::server
