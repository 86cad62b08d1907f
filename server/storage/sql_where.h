#pragma once
// A WHERE clause built one condition at a time, every value bound as a numbered parameter
// (?1, ?2 … in SQLite's dialect, $1, $2 … in PostgreSQL's), never spliced into the SQL text.
//
//   SqlWhere where;
//   where.add("site = ", site);                       // " WHERE site = ?1"
//   where.add("instr(search_text, ", folded, ") > 0"); // " AND instr(search_text, ?2) > 0"

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace support::server {

using SqlValue = std::variant<std::int64_t, std::string>;

enum class SqlDialect : std::uint8_t { Sqlite, Postgresql };

class SqlWhere {
  public:
    explicit SqlWhere(SqlDialect dialect = SqlDialect::Sqlite) : m_dialect(dialect) {}

    // Appends "before ?N after" as one more condition, binding `value` to ?N.
    void add(std::string_view before, SqlValue value, std::string_view after = {});
    // Appends a condition without a value (the caller's own constant SQL).
    void add_constant(std::string_view condition);
    // Binds `value` to the next number and returns its placeholder ("?3", "$3"), for use after
    // the conditions (ORDER BY … LIMIT ?3).
    std::string bind(SqlValue value);

    const std::string& sql() const { return m_sql; }                 // "" or " WHERE … AND …"
    const std::vector<SqlValue>& params() const { return m_params; } // params()[0] is ?1
    std::vector<SqlValue> take_params() && { return std::move(m_params); }

  private:
    void start_condition();

    SqlDialect m_dialect;
    std::string m_sql;
    std::vector<SqlValue> m_params;
};

} // namespace support::server
