#include "server/storage/feedback_list_sql.h"

namespace support::server {

namespace {

struct WhereClause {
    void add(const std::string& condition_before_placeholder, SqlValue value) {
        m_params.push_back(std::move(value));
        m_sql += m_sql.empty() ? " WHERE " : " AND ";
        m_sql += condition_before_placeholder;
        m_sql += '?';
        m_sql += std::to_string(m_params.size());
    }

    std::string m_sql;
    std::vector<SqlValue> m_params;
};

} // namespace

SqlWithParams feedback_list_sql(const FeedbackQuery& query) {
    WhereClause where;
    where.add("site = ", query.site);
    if (query.kind)
        where.add("kind = ", std::string(protocol::feedback_kind_name(*query.kind)));
    if (!query.subject.empty())
        where.add("subject = ", query.subject);
    if (query.helpful)
        where.add("helpful = ", std::int64_t{*query.helpful ? 1 : 0});
    if (query.status)
        where.add("status = ", std::string(feedback_status_name(*query.status)));
    if (query.received_from_ms)
        where.add("received_at_ms >= ", *query.received_from_ms);
    if (query.received_before_ms)
        where.add("received_at_ms < ", *query.received_before_ms);
    if (query.before_id)
        where.add("id < ", *query.before_id);
    SqlWithParams out;
    out.sql = std::string("SELECT ") + k_feedback_row_columns + " FROM feedback" + where.m_sql +
              " ORDER BY id DESC LIMIT " + std::to_string(query.limit + 1);
    out.params = std::move(where.m_params);
    return out;
}

} // namespace support::server
