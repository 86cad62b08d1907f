#include "server/storage/sqlite_insights.h"

#include "server/storage/sql_where.h"

#include <map>
#include <string>

namespace support::server::sqlite_insights {

namespace {

constexpr const char* k_is_negative = "(CASE WHEN helpful = 0 OR kind = 'problem_report' THEN 1 ELSE 0 END)";
constexpr std::int64_t k_day_ms = 86'400'000;

// The site and time range every aggregate shares, plus `extra` conditions of its own.
SqlWhere scope(const InsightsQuery& query, std::string_view extra = {}) {
    SqlWhere where;
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

// Prepares `select` + where + `tail`, binds the where's values and calls `read_row` for each row.
template <typename ReadRow>
Result<void> for_each_row(SqliteConnection& db, std::string_view select, const SqlWhere& where,
                          std::string_view tail, ReadRow&& read_row) {
    SW_TRY(auto statement, db.prepare(std::string(select) + where.sql() + std::string(tail)));
    statement.bind_all(where.params());
    for (;;) {
        SW_TRY(bool row, statement.step());
        if (!row)
            return ok();
        read_row(statement);
    }
}

std::string limit(const InsightsQuery& query) {
    return " LIMIT " + std::to_string(query.top);
}

Result<void> read_all(SqliteConnection& db, const InsightsQuery& query, FeedbackInsights& out) {
    SW_TRY_VOID(for_each_row(
        db, "SELECT subject, SUM(helpful = 1), SUM(helpful = 0) FROM feedback",
        scope(query, "kind = 'article_helpful'"),
        " GROUP BY subject ORDER BY COUNT(*) DESC, subject" + limit(query), [&](const SqliteStatement& row) {
            out.articles.push_back({row.column_text(0), row.column_int(1), row.column_int(2)});
        }));

    // Days in time order from the covering index, counted here: no sort, no temporary table.
    SW_TRY_VOID(
        for_each_row(db, "SELECT received_at_ms, helpful = 0 OR kind = 'problem_report' FROM feedback",
                     scope(query), " ORDER BY received_at_ms", [&](const SqliteStatement& row) {
                         const std::int64_t at = row.column_int(0);
                         const std::int64_t day = (at >= 0 ? at : at - k_day_ms + 1) / k_day_ms * k_day_ms;
                         if (out.per_day.empty() || out.per_day.back().day_start_ms != day)
                             out.per_day.push_back({day, 0, 0});
                         ++out.per_day.back().total;
                         out.per_day.back().negative += row.column_int(1);
                         ++out.total;
                     }));

    SW_TRY_VOID(for_each_row(
        db, std::string("SELECT page_url, SUM(") + k_is_negative + ") AS negative, COUNT(*) FROM feedback",
        scope(query, "page_url != '' AND kind IN ('article_helpful', 'page', 'problem_report')"),
        " GROUP BY page_url HAVING negative > 0 ORDER BY negative DESC, page_url" + limit(query),
        [&](const SqliteStatement& row) {
            out.negative_pages.push_back({row.column_text(0), row.column_int(1), row.column_int(2)});
        }));

    // Queries typed differently ("Eilat", "eilat ") share a subject_key; SQLite reads `subject` from
    // the row that holds MAX(received_at_ms), so each group shows its latest spelling.
    SW_TRY_VOID(for_each_row(
        db, "SELECT subject, MAX(received_at_ms), COUNT(*) FROM feedback",
        scope(query, "kind = 'search_miss'"), " GROUP BY subject_key ORDER BY 3 DESC, 2 DESC" + limit(query),
        [&](const SqliteStatement& row) {
            out.unanswered_searches.push_back({row.column_text(0), row.column_int(2), row.column_int(1)});
        }));

    std::map<std::string, std::size_t> guide_index;
    SW_TRY_VOID(for_each_row(
        db,
        "SELECT subject, SUM(guide_outcome = 'completed'), SUM(guide_outcome = 'abandoned') AS abandoned "
        "FROM feedback",
        scope(query, "kind = 'guide'"), " GROUP BY subject ORDER BY abandoned DESC, subject" + limit(query),
        [&](const SqliteStatement& row) {
            guide_index[row.column_text(0)] = out.guides.size();
            out.guides.push_back({row.column_text(0), row.column_int(1), row.column_int(2), {}});
        }));
    SW_TRY_VOID(
        for_each_row(db, "SELECT subject, COALESCE(guide_step_number, 0), guide_step, COUNT(*) FROM feedback",
                     scope(query, "kind = 'guide' AND guide_outcome = 'abandoned'"),
                     " GROUP BY 1, 2, 3 ORDER BY 1, 2, 3", [&](const SqliteStatement& row) {
                         const auto found = guide_index.find(row.column_text(0));
                         if (found != guide_index.end())
                             out.guides[found->second].steps.push_back(
                                 {row.column_int(1), row.column_text(2), row.column_int(3)});
                     }));
    return ok();
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
