#pragma once
// Triage in SQL (schema_migrations.cpp, migration 3): each change and its activity entry in one
// transaction on the connection the caller owns (SqliteStorage's staff writer); reads on a reader.

#include "server/storage/feedback_triage.h"
#include "server/storage/sqlite_connection.h"
#include "shared/core/result.h"

#include <vector>

namespace support::server::sqlite_triage {

Result<TriageOutcome> apply(SqliteConnection& db, const TriageChange& change);
Result<std::vector<FeedbackActivity>> activity(SqliteConnection& db, std::int64_t feedback_id);

} // namespace support::server::sqlite_triage
