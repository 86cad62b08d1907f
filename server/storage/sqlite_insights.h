#pragma once
// The Insights aggregates in SQL, read in one transaction so every figure describes the same
// moment.

#include "server/storage/feedback_insights.h"
#include "server/storage/sqlite_connection.h"
#include "shared/core/result.h"

namespace support::server::sqlite_insights {

Result<FeedbackInsights> read(SqliteConnection& db, const InsightsQuery& query);

} // namespace support::server::sqlite_insights
