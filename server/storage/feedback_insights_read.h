#pragma once
// The Insights aggregates as SQL, written once for every store: `for_each_row(sql, where, on_row)`
// runs one SELECT with the where's values bound and calls on_row(row) for each row, `row` having
// column_text(i) and column_int(i) (SqliteStatement, PostgresRow). The caller runs them all in one
// read transaction so every figure describes the same moment.

#include "server/storage/feedback_insights.h"
#include "server/storage/sql_where.h"
#include "shared/core/result.h"

#include <map>
#include <string>

namespace support::server {

namespace insights_sql {

inline constexpr const char* k_is_negative =
    "(CASE WHEN helpful = 0 OR kind = 'problem_report' THEN 1 ELSE 0 END)";
inline constexpr std::int64_t k_day_ms = 86'400'000;

// The site and time range every aggregate shares, plus `extra` conditions of its own.
inline SqlWhere scope(SqlDialect dialect, const InsightsQuery& query, std::string_view extra = {}) {
    SqlWhere where(dialect);
    if (!query.site.empty())
        where.add("site = ", query.site);
    if (query.received_from_ms)
        where.add("received_at_ms >= ", *query.received_from_ms);
    if (query.received_before_ms)
        where.add("received_at_ms < ", *query.received_before_ms);
    if (!extra.empty())
        where.add_constant(extra);
    return where;
}

} // namespace insights_sql

template <typename ForEachRow>
Result<void> read_feedback_insights(SqlDialect dialect, const InsightsQuery& query, FeedbackInsights& out,
                                    ForEachRow&& for_each_row) {
    using insights_sql::k_is_negative;
    using insights_sql::scope;
    const std::string limit = " LIMIT " + std::to_string(query.top);

    SW_TRY_VOID(
        for_each_row("SELECT subject, SUM(CASE WHEN helpful = 1 THEN 1 ELSE 0 END), "
                     "SUM(CASE WHEN helpful = 0 THEN 1 ELSE 0 END) FROM feedback",
                     scope(dialect, query, "kind = 'article_helpful'"),
                     " GROUP BY subject ORDER BY COUNT(*) DESC, subject" + limit, [&](const auto& row) {
                         out.articles.push_back({row.column_text(0), row.column_int(1), row.column_int(2)});
                     }));

    // Days in time order. SQLite: every row's time from the covering index, counted here (in-process:
    // no sort, no temporary table). PostgreSQL: counted by day in the database, so 100,000 rows do
    // not cross the connection. Either way each row read is (time or day, count, negative).
    const std::string per_day_sql =
        dialect == SqlDialect::Sqlite
            ? std::string("SELECT received_at_ms, 1, ") + k_is_negative + " FROM feedback"
            : [] {
                  const std::string day = std::to_string(insights_sql::k_day_ms);
                  // The day's start, also before 1970: the remainder made non-negative first.
                  return "SELECT received_at_ms - ((received_at_ms % " + day + ") + " + day + ") % " + day +
                         ", COUNT(*), SUM(" + k_is_negative + ") FROM feedback";
              }();
    SW_TRY_VOID(
        for_each_row(per_day_sql, scope(dialect, query),
                     dialect == SqlDialect::Sqlite ? " ORDER BY received_at_ms" : " GROUP BY 1 ORDER BY 1",
                     [&](const auto& row) {
                         const std::int64_t at = row.column_int(0);
                         const std::int64_t day = (at >= 0 ? at : at - insights_sql::k_day_ms + 1) /
                                                  insights_sql::k_day_ms * insights_sql::k_day_ms;
                         if (out.per_day.empty() || out.per_day.back().day_start_ms != day)
                             out.per_day.push_back({day, 0, 0});
                         out.per_day.back().total += row.column_int(1);
                         out.per_day.back().negative += row.column_int(2);
                         out.total += row.column_int(1);
                     }));

    SW_TRY_VOID(for_each_row(
        std::string("SELECT page_url, SUM(") + k_is_negative + ") AS negative, COUNT(*) FROM feedback",
        scope(dialect, query, "page_url != '' AND kind IN ('article_helpful', 'page', 'problem_report')"),
        std::string(" GROUP BY page_url HAVING SUM(") + k_is_negative +
            ") > 0 ORDER BY negative DESC, page_url" + limit,
        [&](const auto& row) {
            out.negative_pages.push_back({row.column_text(0), row.column_int(1), row.column_int(2)});
        }));

    // Queries typed differently ("Eilat", "eilat ") share a subject_key; each group shows its latest
    // spelling (SQLite reads `subject` from the row that holds MAX(received_at_ms)).
    SW_TRY_VOID(for_each_row(
        dialect == SqlDialect::Sqlite
            ? "SELECT subject, MAX(received_at_ms), COUNT(*) FROM feedback"
            : "SELECT (array_agg(subject ORDER BY received_at_ms DESC))[1], MAX(received_at_ms), COUNT(*) "
              "FROM feedback",
        scope(dialect, query, "kind = 'search_miss'"),
        " GROUP BY subject_key ORDER BY 3 DESC, 2 DESC" + limit, [&](const auto& row) {
            out.unanswered_searches.push_back({row.column_text(0), row.column_int(2), row.column_int(1)});
        }));

    std::map<std::string, std::size_t> guide_index;
    SW_TRY_VOID(
        for_each_row("SELECT subject, SUM(CASE WHEN guide_outcome = 'completed' THEN 1 ELSE 0 END), "
                     "SUM(CASE WHEN guide_outcome = 'abandoned' THEN 1 ELSE 0 END) AS abandoned "
                     "FROM feedback",
                     scope(dialect, query, "kind = 'guide'"),
                     " GROUP BY subject ORDER BY abandoned DESC, subject" + limit, [&](const auto& row) {
                         guide_index[row.column_text(0)] = out.guides.size();
                         out.guides.push_back({row.column_text(0), row.column_int(1), row.column_int(2), {}});
                     }));
    SW_TRY_VOID(
        for_each_row("SELECT subject, COALESCE(guide_step_number, 0), guide_step, COUNT(*) FROM feedback",
                     scope(dialect, query, "kind = 'guide' AND guide_outcome = 'abandoned'"),
                     " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", [&](const auto& row) {
                         const auto found = guide_index.find(row.column_text(0));
                         if (found != guide_index.end())
                             out.guides[found->second].steps.push_back(
                                 {row.column_int(1), row.column_text(2), row.column_int(3)});
                     }));
    return ok();
}

} // namespace support::server
