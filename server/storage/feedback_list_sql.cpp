#include "server/storage/feedback_list_sql.h"

#include "server/storage/feedback_columns.h"

namespace support::server {

namespace {

// The conditions every filter of the query adds (not its position in the list).
SqlWhere filter_conditions(const FeedbackQuery& query, SqlDialect dialect) {
    SqlWhere where(dialect);
    if (!query.site.empty())
        where.add("site = ", query.site);
    if (query.kind)
        where.add("kind = ", std::string(protocol::feedback_kind_name(*query.kind)));
    if (!query.subject.empty())
        where.add("subject = ", query.subject);
    if (!query.page_url.empty())
        where.add("page_url = ", query.page_url);
    if (!query.tag.empty())
        where.add("id IN (SELECT feedback_id FROM feedback_tags WHERE tag = ", query.tag, ")");
    // SQLite: the matching ids come from a scan of the narrow text index, never of the wide rows;
    // the list then walks them newest (or oldest) first. PostgreSQL scans the column (a B-tree
    // cannot hold long texts, and a trigram index would tax every insert).
    if (const std::string folded = fold_search_query(query.text); !folded.empty()) {
        if (dialect == SqlDialect::Sqlite)
            where.add("id IN (SELECT id FROM feedback INDEXED BY feedback_by_text WHERE instr(search_text, ",
                      folded, ") > 0)");
        else
            where.add("strpos(search_text, ", folded, ") > 0");
    }
    if (query.helpful)
        where.add("helpful = ", std::int64_t{*query.helpful ? 1 : 0});
    if (query.status)
        where.add("status = ", std::string(feedback_status_name(*query.status)));
    if (query.received_from_ms)
        where.add("received_at_ms >= ", *query.received_from_ms);
    if (query.received_before_ms)
        where.add("received_at_ms < ", *query.received_before_ms);
    if (query.up_to_id)
        where.add("id <= ", *query.up_to_id);
    return where;
}

} // namespace

const char* feedback_row_columns(SqlDialect dialect) {
    return dialect == SqlDialect::Sqlite
               ? "id, site, payload, received_at_ms, status, (SELECT group_concat(tag, char(31)) FROM "
                 "feedback_tags WHERE feedback_tags.feedback_id = feedback.id)"
               : "id, site, payload, received_at_ms, status, (SELECT string_agg(tag, chr(31)) FROM "
                 "feedback_tags WHERE feedback_tags.feedback_id = feedback.id)";
}

SqlWithParams feedback_list_sql(const FeedbackQuery& query, SqlDialect dialect) {
    SqlWhere where = filter_conditions(query, dialect);
    const bool newest_first = query.order == FeedbackOrder::NewestFirst;
    if (query.after_id)
        where.add(newest_first ? "id < " : "id > ", *query.after_id);
    SqlWithParams out;
    out.sql = std::string("SELECT ") + feedback_row_columns(dialect) + " FROM feedback" + where.sql() +
              " ORDER BY id " + (newest_first ? "DESC" : "ASC");
    out.sql += " LIMIT " + where.bind(static_cast<std::int64_t>(query.limit + 1));
    out.sql += " OFFSET " + where.bind(static_cast<std::int64_t>(query.offset));
    out.params = std::move(where).take_params();
    return out;
}

SqlWithParams feedback_count_sql(const FeedbackQuery& query, SqlDialect dialect) {
    SqlWhere where = filter_conditions(query, dialect);
    return SqlWithParams{"SELECT COUNT(*), COALESCE(MAX(id), 0) FROM feedback" + where.sql(),
                         std::move(where).take_params()};
}

} // namespace support::server
