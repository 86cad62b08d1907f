#include "server/storage/sqlite_insights.h"

#include "server/storage/feedback_insights_read.h"

#include <string>

namespace support::server::sqlite_insights {

namespace {

Result<void> read_all(SqliteConnection& db, const InsightsQuery& query, FeedbackInsights& out) {
    return read_feedback_insights(SqlDialect::Sqlite, query, out,
                                  [&](const std::string& select, const SqlWhere& where, std::string_view tail,
                                      auto&& on_row) -> Result<void> {
                                      SW_TRY(auto statement,
                                             db.prepare(select + where.sql() + std::string(tail)));
                                      statement.bind_all(where.params());
                                      for (;;) {
                                          SW_TRY(bool row, statement.step());
                                          if (!row)
                                              return ok();
                                          on_row(statement);
                                      }
                                  });
}

} // namespace

Result<FeedbackInsights> read(SqliteConnection& db, const InsightsQuery& query) {
    SW_TRY_VOID(db.execute("BEGIN"));
    FeedbackInsights insights;
    auto read = read_all(db, query, insights);
    (void)db.execute("COMMIT");
    if (!read)
        return read.error();
    return insights;
}

} // namespace support::server::sqlite_insights
