#pragma once
// The SELECT behind Storage::list_feedback(), in SQLite's or PostgreSQL's dialect, with numbered
// parameters: values (limit and offset too) are always bound, never spliced into the text, so a
// text is one prepared statement whatever the values.

#include "server/storage/feedback_record.h"
#include "server/storage/sql_where.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace support::server {

struct SqlWithParams {
    std::string sql;
    std::vector<SqlValue> params; // params[0] is ?1
};

// Selects k_feedback_row_columns in the query's order, at most query.limit + 1 rows (the extra row
// tells whether there are more).
SqlWithParams feedback_list_sql(const FeedbackQuery& query, SqlDialect dialect = SqlDialect::Sqlite);
// SELECT COUNT(*), MAX(id) over the same filters (no order, offset or limit).
SqlWithParams feedback_count_sql(const FeedbackQuery& query, SqlDialect dialect = SqlDialect::Sqlite);

// What each feedback row is read as: id, site, payload, received_at_ms, status, and the item's tags
// joined by k_tag_separator (NULL when it has none).
const char* feedback_row_columns(SqlDialect dialect);

} // namespace support::server
