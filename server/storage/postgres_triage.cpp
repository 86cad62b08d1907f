#include "server/storage/postgres_triage.h"

#include "server/storage/triage_rows.h"

#include <string>

namespace support::server::postgres_triage {

namespace {

// The statement that makes the change itself ($1 the item, $2 the value); a note has none.
const char* change_sql(TriageAction action) {
    switch (action) {
    case TriageAction::SetStatus:
        return "UPDATE feedback SET status = $2 WHERE id = $1";
    case TriageAction::AddTag:
        return "INSERT INTO feedback_tags (feedback_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING";
    case TriageAction::RemoveTag:
        return "DELETE FROM feedback_tags WHERE feedback_id = $1 AND tag = $2";
    case TriageAction::AddNote:
        break;
    }
    return nullptr;
}

} // namespace

Result<TriageOutcome> apply(PostgresSession& db, const TriageChange& change) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<TriageOutcome> {
        const pqxx::result status =
            db.exec(tx, "SELECT status FROM feedback WHERE id = $1 FOR UPDATE", change.feedback_id);
        if (status.empty())
            return TriageOutcome::NotFound;
        if (change.action == TriageAction::SetStatus && PostgresRow(status[0]).column_text(0) == change.value)
            return TriageOutcome::Unchanged;
        if (const char* sql = change_sql(change.action)) {
            if (db.exec(tx, sql, change.feedback_id, change.value).affected_rows() == 0)
                return TriageOutcome::Unchanged;
        }
        db.exec(tx,
                "INSERT INTO feedback_activity (feedback_id, action, value, staff_email, at_ms) "
                "VALUES ($1, $2, $3, $4, $5)",
                change.feedback_id, std::string(triage_action_name(change.action)), change.value,
                change.staff_email, change.at_ms);
        return TriageOutcome::Applied;
    });
}

Result<std::vector<FeedbackActivity>> activity(PostgresSession& db, pqxx::transaction_base& tx,
                                               std::int64_t feedback_id) {
    const pqxx::result rows = db.exec(tx,
                                      std::string("SELECT ") + triage_rows::k_activity_columns +
                                          " FROM feedback_activity WHERE feedback_id = $1 ORDER BY id",
                                      feedback_id);
    std::vector<FeedbackActivity> entries;
    for (const pqxx::row& row : rows)
        entries.push_back(triage_rows::read_activity(PostgresRow(row)));
    return entries;
}

} // namespace support::server::postgres_triage
