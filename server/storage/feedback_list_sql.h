#pragma once
// The SELECT behind Storage::list_feedback(), with numbered parameters (?1, ?2 …): values are
// always bound, never spliced into the text.

#include "server/storage/feedback_record.h"

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace support::server {

using SqlValue = std::variant<std::int64_t, std::string>;

struct SqlWithParams {
    std::string sql;
    std::vector<SqlValue> params; // params[0] is ?1
};

// Selects id, site, payload, received_at_ms, status, newest first, at most query.limit + 1 rows
// (the extra row tells whether there are more).
SqlWithParams feedback_list_sql(const FeedbackQuery& query);

inline constexpr const char* k_feedback_row_columns = "id, site, payload, received_at_ms, status";

} // namespace support::server
