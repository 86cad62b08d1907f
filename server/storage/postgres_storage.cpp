#include "server/storage/postgres_storage.h"

#include "server/storage/feedback_columns.h"
#include "server/storage/feedback_insights_read.h"
#include "server/storage/feedback_list_sql.h"
#include "server/storage/postgres_chat.h"
#include "server/storage/postgres_erasure.h"
#include "server/storage/postgres_schema.h"
#include "server/storage/postgres_staff.h"
#include "server/storage/postgres_triage.h"

#include <map>
#include <utility>

namespace support::server {

namespace {

constexpr std::size_t k_feedback_insert_columns = 17;

// INSERT … VALUES (…), (…) … for `rows` rows of the feedback columns, numbered parameters; a row
// whose (site, client_id) is stored already, or repeated earlier in the same batch, is skipped.
std::string multi_row_insert_sql(std::size_t rows) {
    std::string sql =
        "INSERT INTO feedback (site, client_id, kind, subject, helpful, page_url, locale, comment, "
        "payload, client_time_ms, received_at_ms, guide_outcome, guide_step, guide_step_number, "
        "subject_key, search_text, shopper_digest) VALUES ";
    std::size_t n = 0;
    for (std::size_t r = 0; r < rows; ++r) {
        sql += r ? ", (" : "(";
        for (std::size_t c = 0; c < k_feedback_insert_columns; ++c)
            sql += (c ? ", $" : "$") + std::to_string(++n);
        sql += ')';
    }
    return sql + " ON CONFLICT (site, client_id) DO NOTHING RETURNING id, site, client_id";
}

std::vector<std::optional<std::string>> insert_values(const std::vector<FeedbackColumns>& rows) {
    auto number = [](const std::optional<std::int64_t>& value) {
        return value ? std::optional(std::to_string(*value)) : std::nullopt;
    };
    std::vector<std::optional<std::string>> values;
    values.reserve(rows.size() * k_feedback_insert_columns);
    for (const FeedbackColumns& c : rows) {
        for (auto value :
             {std::optional(c.site), std::optional(c.client_id), std::optional(c.kind),
              std::optional(c.subject), number(c.helpful), std::optional(c.page_url), std::optional(c.locale),
              std::optional(c.comment), std::optional(c.payload), number(c.client_time_ms),
              number(c.received_at_ms), c.guide_outcome, std::optional(c.guide_step),
              number(c.guide_step_number), std::optional(c.subject_key), std::optional(c.search_text),
              std::optional(c.shopper_digest)})
            values.push_back(std::move(value));
    }
    return values;
}

Result<StoredFeedback> read_feedback_row(const PostgresRow& row) {
    return stored_feedback_from_row(row.column_int(0), row.column_text(1), row.column_text(2),
                                    row.column_int(3), row.column_text(4), row.column_text(5));
}

// A connection's own failures are write failures to the caller; what a write named itself
// (storage.staff_exists, storage.no_conversation, chat.* refusals …) is passed on as it is.
Error as_write_error(Error error) {
    if (error.code == "storage.read_failed")
        error.code = "storage.write_failed";
    return error;
}

} // namespace

Result<std::unique_ptr<PostgresStorage>> PostgresStorage::open(std::string url, std::size_t pool_size) {
    SW_TRY(auto pool, PostgresPool::open(std::move(url), pool_size));
    SW_TRY_VOID(pool->with_session("storage.migration_failed",
                                   [](PostgresSession& db) { return migrate_postgres(db); }));
    SW_TRY(auto writer, pool->connect());
    std::unique_ptr<PostgresStorage> storage(new PostgresStorage(std::move(pool)));
    storage->m_writer = std::make_unique<PostgresSession>(std::move(writer));
    storage->m_batcher = std::make_unique<WriteBatcher<PendingInsert>>(
        [raw = storage.get()](std::vector<PendingInsert>& batch) { raw->commit_batch(batch); });
    return storage;
}

PostgresStorage::PostgresStorage(std::unique_ptr<PostgresPool> pool) : m_pool(std::move(pool)) {}

PostgresStorage::~PostgresStorage() {
    close(); // commits what is queued while the writer's connection still exists
}

void PostgresStorage::close() {
    if (m_batcher)
        m_batcher->close();
}

template <typename Read>
auto PostgresStorage::read(Read&& read) -> decltype(read(std::declval<PostgresSession&>())) {
    auto result = m_pool->with_session("storage.read_failed", read);
    // A read changes nothing: after a lost connection it runs once more, on a new one.
    if (!result && result.error().code == "storage.unavailable")
        result = m_pool->with_session("storage.read_failed", read);
    return result;
}

template <typename Write>
auto PostgresStorage::write(Write&& write) -> decltype(write(std::declval<PostgresSession&>())) {
    auto result = m_pool->with_session("storage.write_failed", std::forward<Write>(write));
    if (!result)
        return as_write_error(std::move(result).error());
    return result;
}

Result<int> PostgresStorage::schema_version() {
    return read([](PostgresSession& db) -> Result<int> {
        pqxx::read_transaction tx(db.connection());
        return read_postgres_schema_version(db, tx);
    });
}

void PostgresStorage::insert_feedback(NewFeedback feedback, InsertFeedbackDone done) {
    PendingInsert job{std::move(feedback), std::move(done)};
    auto done_if_refused = job.done;
    if (!m_batcher->submit(std::move(job)))
        done_if_refused(make_error("storage.closed", "the store is shutting down"));
}

Result<std::vector<Result<FeedbackInsertResult>>>
PostgresStorage::write_batch(const std::vector<PendingInsert>& batch) {
    if (!m_writer || !m_writer->connection().is_open()) {
        SW_TRY(auto connection, m_pool->connect());
        m_writer = std::make_unique<PostgresSession>(std::move(connection));
    }
    PostgresSession& db = *m_writer;
    try {
        std::vector<FeedbackColumns> rows;
        rows.reserve(batch.size());
        for (const PendingInsert& job : batch)
            rows.push_back(to_feedback_columns(job.feedback));
        pqxx::work tx(db.connection());
        // One statement, one round trip, for the whole batch; what it stored comes back by key.
        const pqxx::result inserted = tx.exec_params(multi_row_insert_sql(rows.size()),
                                                     pqxx::prepare::make_dynamic_params(insert_values(rows)));
        std::map<std::pair<std::string, std::string>, std::int64_t> stored_ids;
        for (const pqxx::row& row : inserted) {
            const PostgresRow r(row);
            stored_ids.emplace(std::pair(r.column_text(1), r.column_text(2)), r.column_int(0));
        }
        std::vector<Result<FeedbackInsertResult>> results;
        results.reserve(rows.size());
        for (const FeedbackColumns& c : rows) {
            // The first of a key in the batch took the id; a repeat of it (here or stored before) finds it.
            if (const auto found = stored_ids.find({c.site, c.client_id}); found != stored_ids.end()) {
                results.push_back(
                    FeedbackInsertResult{InsertOutcome::Stored, found->second, c.received_at_ms});
                stored_ids.erase(found);
                continue;
            }
            const pqxx::result existing = db.exec(
                tx, "SELECT id, received_at_ms, payload FROM feedback WHERE site = $1 AND client_id = $2",
                c.site, c.client_id);
            if (existing.empty())
                return make_error("storage.write_failed",
                                  "the insert was ignored but no row holds its client id");
            const PostgresRow row(existing[0]);
            results.push_back(FeedbackInsertResult{row.column_text(2) == c.payload ? InsertOutcome::Duplicate
                                                                                   : InsertOutcome::Conflict,
                                                   row.column_int(0), row.column_int(1)});
        }
        tx.commit();
        return results;
    } catch (const std::exception& thrown) {
        return postgres_error("storage.write_failed", thrown);
    }
}

void PostgresStorage::commit_batch(std::vector<PendingInsert>& batch) {
    auto written = write_batch(batch);
    // The connection was lost, perhaps while committing: writing the batch again on a new one is
    // safe, as a client id already stored is answered as a duplicate, never stored twice.
    if (!written && written.error().code == "storage.unavailable")
        written = write_batch(batch);
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (written)
            batch[i].done(std::move((*written)[i]));
        else
            batch[i].done(make_error("storage.write_failed", written.error().message));
    }
}

Result<std::optional<StoredFeedback>>
PostgresStorage::find_one(std::string_view site, std::string_view key_column, const SqlValue& key) {
    return read([&](PostgresSession& db) -> Result<std::optional<StoredFeedback>> {
        SqlWhere where(SqlDialect::Postgresql);
        if (!site.empty())
            where.add("site = ", std::string(site));
        where.add(std::string(key_column) + " = ", key);
        pqxx::read_transaction tx(db.connection());
        const pqxx::result rows =
            db.exec_with(tx,
                         std::string("SELECT ") + feedback_row_columns(SqlDialect::Postgresql) +
                             " FROM feedback" + where.sql(),
                         where.params());
        if (rows.empty())
            return std::optional<StoredFeedback>();
        SW_TRY(auto stored, read_feedback_row(PostgresRow(rows[0])));
        return std::optional(std::move(stored));
    });
}

Result<std::optional<StoredFeedback>> PostgresStorage::find_feedback(std::string_view site, std::int64_t id) {
    return find_one(site, "id", id);
}

Result<std::optional<StoredFeedback>>
PostgresStorage::find_feedback_by_client_id(std::string_view site, std::string_view client_id) {
    return find_one(site, "client_id", std::string(client_id));
}

Result<FeedbackPage> PostgresStorage::list_feedback(const FeedbackQuery& query) {
    const SqlWithParams select = feedback_list_sql(query, SqlDialect::Postgresql);
    return read([&](PostgresSession& db) -> Result<FeedbackPage> {
        pqxx::read_transaction tx(db.connection());
        const pqxx::result rows = db.exec_with(tx, select.sql, select.params);
        FeedbackPage page;
        for (const pqxx::row& row : rows) {
            if (page.items.size() == query.limit) {
                page.more = true;
                break;
            }
            SW_TRY(auto stored, read_feedback_row(PostgresRow(row)));
            page.items.push_back(std::move(stored));
        }
        return page;
    });
}

Result<FeedbackCount> PostgresStorage::count_matching_feedback(const FeedbackQuery& query) {
    const SqlWithParams select = feedback_count_sql(query, SqlDialect::Postgresql);
    return read([&](PostgresSession& db) -> Result<FeedbackCount> {
        pqxx::read_transaction tx(db.connection());
        const PostgresRow row(db.exec_with(tx, select.sql, select.params)[0]);
        return FeedbackCount{row.column_int(0), row.column_int(1)};
    });
}

Result<std::int64_t> PostgresStorage::count_feedback(std::string_view site) {
    return read([&](PostgresSession& db) -> Result<std::int64_t> {
        pqxx::read_transaction tx(db.connection());
        return PostgresRow(db.exec(tx, "SELECT COUNT(*) FROM feedback WHERE site = $1", std::string(site))[0])
            .column_int(0);
    });
}

Result<std::optional<FeedbackDetail>> PostgresStorage::find_feedback_detail(std::int64_t id) {
    SW_TRY(auto feedback, find_one("", "id", id));
    if (!feedback)
        return std::optional<FeedbackDetail>();
    return read([&](PostgresSession& db) -> Result<std::optional<FeedbackDetail>> {
        pqxx::read_transaction tx(db.connection());
        SW_TRY(auto activity, postgres_triage::activity(db, tx, id));
        return std::optional(FeedbackDetail{std::move(*feedback), std::move(activity)});
    });
}

Result<FeedbackInsights> PostgresStorage::feedback_insights(const InsightsQuery& query) {
    return read([&](PostgresSession& db) -> Result<FeedbackInsights> {
        // One snapshot for every figure.
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(db.connection());
        FeedbackInsights insights;
        SW_TRY_VOID(read_feedback_insights(SqlDialect::Postgresql, query, insights,
                                           [&](const std::string& select, const SqlWhere& where,
                                               std::string_view tail, auto&& on_row) -> Result<void> {
                                               for (const pqxx::row& row :
                                                    db.exec_with(tx, select + where.sql() + std::string(tail),
                                                                 where.params()))
                                                   on_row(PostgresRow(row));
                                               return ok();
                                           }));
        return insights;
    });
}

Result<TriageOutcome> PostgresStorage::apply_triage(const TriageChange& change) {
    return write([&](PostgresSession& db) { return postgres_triage::apply(db, change); });
}

Result<protocol::ShopperErasure>
PostgresStorage::forget_shopper(std::string_view site, std::string_view shopper_digest, std::int64_t at_ms) {
    return write(
        [&](PostgresSession& db) { return postgres_erasure::forget(db, site, shopper_digest, at_ms); });
}

Result<StaffAccount> PostgresStorage::add_staff(const NewStaffAccount& account) {
    return write([&](PostgresSession& db) { return postgres_staff::add(db, account); });
}

Result<std::vector<StaffAccount>> PostgresStorage::list_staff() {
    return read([](PostgresSession& db) { return postgres_staff::list(db); });
}

Result<std::optional<StaffAccount>> PostgresStorage::find_staff(std::string_view email) {
    return read([&](PostgresSession& db) { return postgres_staff::find(db, email); });
}

Result<bool> PostgresStorage::remove_staff(std::string_view email) {
    return write([&](PostgresSession& db) { return postgres_staff::remove(db, email); });
}

Result<bool> PostgresStorage::set_staff_password(std::string_view email, std::string_view password_hash) {
    return write([&](PostgresSession& db) { return postgres_staff::set_password(db, email, password_hash); });
}

Result<void> PostgresStorage::add_staff_session(const NewStaffSession& session) {
    return write([&](PostgresSession& db) { return postgres_staff::add_session(db, session); });
}

Result<std::optional<StaffSession>> PostgresStorage::find_staff_session(std::string_view token_digest) {
    return read([&](PostgresSession& db) { return postgres_staff::find_session(db, token_digest); });
}

Result<void> PostgresStorage::touch_staff_session(std::string_view token_digest, std::int64_t now_ms) {
    return write(
        [&](PostgresSession& db) { return postgres_staff::touch_session(db, token_digest, now_ms); });
}

Result<void> PostgresStorage::remove_staff_session(std::string_view token_digest) {
    return write([&](PostgresSession& db) { return postgres_staff::remove_session(db, token_digest); });
}

Result<std::int64_t> PostgresStorage::remove_stale_staff_sessions(std::int64_t idle_before_ms,
                                                                  std::int64_t created_before_ms) {
    return write([&](PostgresSession& db) {
        return postgres_staff::remove_stale_sessions(db, idle_before_ms, created_before_ms);
    });
}

Result<void> PostgresStorage::change_sign_in_bucket(std::string_view key, SignInBucket fresh,
                                                    const std::function<void(SignInBucket&)>& change) {
    return write(
        [&](PostgresSession& db) { return postgres_staff::change_sign_in_bucket(db, key, fresh, change); });
}

Result<std::int64_t> PostgresStorage::remove_sign_in_buckets_before(std::int64_t updated_before_ms) {
    return write([&](PostgresSession& db) {
        return postgres_staff::remove_sign_in_buckets_before(db, updated_before_ms);
    });
}

Result<StoredConversation> PostgresStorage::create_conversation(const NewConversation& conversation) {
    return write([&](PostgresSession& db) { return postgres_chat::create(db, conversation); });
}

Result<std::optional<StoredConversation>> PostgresStorage::find_conversation(std::string_view id) {
    return read([&](PostgresSession& db) { return postgres_chat::find(db, id); });
}

Result<std::vector<StoredConversation>>
PostgresStorage::list_conversations(std::string_view site, std::span<const chat::ConversationState> states,
                                    std::size_t limit) {
    return read([&](PostgresSession& db) { return postgres_chat::list(db, site, states, limit); });
}

Result<AppendedChatEvent> PostgresStorage::append_chat_event(const ChatEventDraft& draft) {
    return write([&](PostgresSession& db) { return postgres_chat::append(db, draft); });
}

Result<void> PostgresStorage::set_conversation_reply_email(std::string_view conversation_id,
                                                           std::string_view email, std::int64_t at_ms) {
    return write([&](PostgresSession& db) {
        return postgres_chat::set_reply_email(db, conversation_id, email, at_ms);
    });
}

Result<std::vector<chat::ChatEvent>> PostgresStorage::chat_events_after(std::string_view conversation_id,
                                                                        std::uint64_t after_seq,
                                                                        std::size_t limit) {
    return read([&](PostgresSession& db) {
        return postgres_chat::events_after(db, conversation_id, after_seq, limit);
    });
}

} // namespace support::server
