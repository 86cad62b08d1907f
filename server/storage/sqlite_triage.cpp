#include "server/storage/sqlite_triage.h"

#include "server/storage/triage_rows.h"

#include <string>

namespace support::server::sqlite_triage {

namespace {

// The item's status, or nothing when there is no such item.
Result<std::optional<std::string>> current_status(SqliteConnection& db, std::int64_t feedback_id) {
    SW_TRY(auto statement, db.prepare("SELECT status FROM feedback WHERE id = ?1"));
    statement.bind(1, feedback_id);
    SW_TRY(bool row, statement.step());
    if (!row)
        return std::optional<std::string>();
    return std::optional(statement.column_text(0));
}

// Runs one statement that changes rows, binding ?1 to the item and ?2 to `value`; how many changed.
Result<std::int64_t> change_rows(SqliteConnection& db, std::string_view sql, std::int64_t feedback_id,
                                 std::string_view value) {
    SW_TRY(auto statement, db.prepare(sql));
    statement.bind(1, feedback_id);
    statement.bind(2, value);
    SW_TRY(bool unused_row, statement.step());
    (void)unused_row;
    return db.changes();
}

// The statement that makes the change itself (?1 the item, ?2 the value); a note has none.
const char* change_sql(TriageAction action) {
    switch (action) {
    case TriageAction::SetStatus:
        return "UPDATE feedback SET status = ?2 WHERE id = ?1";
    case TriageAction::AddTag:
        return "INSERT OR IGNORE INTO feedback_tags (feedback_id, tag) VALUES (?1, ?2)";
    case TriageAction::RemoveTag:
        return "DELETE FROM feedback_tags WHERE feedback_id = ?1 AND tag = ?2";
    case TriageAction::AddNote:
        break;
    }
    return nullptr;
}

Result<TriageOutcome> apply_in_transaction(SqliteConnection& db, const TriageChange& change) {
    SW_TRY(auto status, current_status(db, change.feedback_id));
    if (!status)
        return TriageOutcome::NotFound;
    if (change.action == TriageAction::SetStatus && *status == change.value)
        return TriageOutcome::Unchanged;
    if (const char* sql = change_sql(change.action)) {
        SW_TRY(std::int64_t changed, change_rows(db, sql, change.feedback_id, change.value));
        if (changed == 0)
            return TriageOutcome::Unchanged;
    }
    SW_TRY(auto record,
           db.prepare("INSERT INTO feedback_activity (feedback_id, action, value, staff_email, at_ms) "
                      "VALUES (?1, ?2, ?3, ?4, ?5)"));
    record.bind(1, change.feedback_id);
    record.bind(2, triage_action_name(change.action));
    record.bind(3, change.value);
    record.bind(4, change.staff_email);
    record.bind(5, change.at_ms);
    SW_TRY(bool unused_row, record.step());
    (void)unused_row;
    return TriageOutcome::Applied;
}

} // namespace

Result<TriageOutcome> apply(SqliteConnection& db, const TriageChange& change) {
    return in_transaction(db, [&] { return apply_in_transaction(db, change); });
}

Result<std::vector<FeedbackActivity>> activity(SqliteConnection& db, std::int64_t feedback_id) {
    SW_TRY(auto statement, db.prepare(std::string("SELECT ") + triage_rows::k_activity_columns +
                                      " FROM feedback_activity WHERE feedback_id = ?1 ORDER BY id"));
    statement.bind(1, feedback_id);
    std::vector<FeedbackActivity> entries;
    for (;;) {
        SW_TRY(bool row, statement.step());
        if (!row)
            break;
        entries.push_back(triage_rows::read_activity(statement));
    }
    return entries;
}

} // namespace support::server::sqlite_triage
