#pragma once
// Triage in PostgreSQL (postgres_schema.cpp, migration 3): each change and its activity entry in one
// transaction, the item's row locked meanwhile; reads of the activity.

#include "server/storage/feedback_triage.h"
#include "server/storage/postgres_connection.h"

#include <vector>

namespace support::server::postgres_triage {

Result<TriageOutcome> apply(PostgresSession& db, const TriageChange& change);
Result<std::vector<FeedbackActivity>> activity(PostgresSession& db, pqxx::transaction_base& tx,
                                               std::int64_t feedback_id);

} // namespace support::server::postgres_triage
