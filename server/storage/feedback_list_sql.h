#pragma once
// The SELECT behind Storage::list_feedback(), with numbered parameters (?1, ?2 …): values are
// always bound, never spliced into the text.

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
SqlWithParams feedback_list_sql(const FeedbackQuery& query);
// SELECT COUNT(*), MAX(id) over the same filters (no order, offset or limit).
SqlWithParams feedback_count_sql(const FeedbackQuery& query);

// What each feedback row is read as: id, site, payload, received_at_ms, status, and the item's tags
// joined by k_tag_separator (NULL when it has none).
inline constexpr const char* k_feedback_row_columns =
    "id, site, payload, received_at_ms, status, "
    "(SELECT group_concat(tag, char(31)) FROM feedback_tags WHERE feedback_tags.feedback_id = feedback.id)";

} // namespace support::server
