#pragma once
// How the triage activity's rows read back, written once for every store: `Row` is anything with
// column_text(i) and column_int(i) (SqliteStatement, PostgresRow).

#include "server/storage/feedback_triage.h"

namespace support::server::triage_rows {

inline constexpr const char* k_activity_columns = "id, action, value, staff_email, at_ms";

template <typename Row> FeedbackActivity read_activity(const Row& row) {
    FeedbackActivity entry;
    entry.id = row.column_int(0);
    entry.action = parse_triage_action(row.column_text(1)).value_or(TriageAction::AddNote);
    entry.value = row.column_text(2);
    entry.staff_email = row.column_text(3);
    entry.at_ms = row.column_int(4);
    return entry;
}

} // namespace support::server::triage_rows
