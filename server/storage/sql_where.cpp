#include "server/storage/sql_where.h"

namespace support::server {

void SqlWhere::start_condition() {
    m_sql += m_sql.empty() ? " WHERE " : " AND ";
}

void SqlWhere::add(std::string_view before, SqlValue value, std::string_view after) {
    start_condition();
    m_sql += before;
    m_sql += bind(std::move(value));
    m_sql += after;
}

std::string SqlWhere::bind(SqlValue value) {
    m_params.push_back(std::move(value));
    return (m_dialect == SqlDialect::Sqlite ? "?" : "$") + std::to_string(m_params.size());
}

void SqlWhere::add_constant(std::string_view condition) {
    start_condition();
    m_sql += condition;
}

} // namespace support::server
