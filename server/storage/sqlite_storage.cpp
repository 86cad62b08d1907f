#include "server/storage/sqlite_storage.h"

#include "server/storage/feedback_columns.h"
#include "server/storage/feedback_list_sql.h"
#include "server/storage/schema_migrations.h"
#include "server/storage/sqlite_chat.h"
#include "server/storage/sqlite_erasure.h"
#include "server/storage/sqlite_insights.h"
#include "server/storage/sqlite_staff.h"
#include "server/storage/sqlite_triage.h"

#include <system_error>

namespace support::server {

namespace {

Result<int> read_schema_version(SqliteConnection& db) {
    SW_TRY(auto statement, db.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    SW_TRY(bool row, statement.step());
    return row ? static_cast<int>(statement.column_int(0)) : 0;
}

Result<void> migrate(SqliteConnection& db) {
    SW_TRY_VOID(db.execute(k_sqlite_migrations_table));
    SW_TRY(int current, read_schema_version(db));
    const auto migrations = schema_migrations();
    SW_TRY_VOID(refuse_newer_schema(current, migrations));
    for (const SchemaMigration& migration : migrations) {
        if (migration.version <= current)
            continue;
        SW_TRY_VOID(db.execute("BEGIN IMMEDIATE"));
        auto applied = db.execute(migration.sql);
        if (applied) {
            auto record =
                db.prepare("INSERT INTO schema_migrations (version, name, applied_at_ms) "
                           "VALUES (?1, ?2, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))");
            if (record) {
                record->bind(1, std::int64_t{migration.version});
                record->bind(2, migration.name);
                auto stepped = record->step();
                if (!stepped)
                    applied = stepped.error();
            } else {
                applied = record.error();
            }
        }
        if (!applied) {
            (void)db.execute("ROLLBACK");
            return make_error("storage.migration_failed", "migration " + std::to_string(migration.version) +
                                                              " (" + migration.name +
                                                              "): " + applied.error().message);
        }
        SW_TRY_VOID(db.execute("COMMIT"));
    }
    return ok();
}

Result<StoredFeedback> read_row(const SqliteStatement& statement) {
    return stored_feedback_from_row(statement.column_int(0), statement.column_text(1),
                                    statement.column_text(2), statement.column_int(3),
                                    statement.column_text(4), statement.column_text(5));
}

Result<std::optional<StoredFeedback>> read_one(SqliteStatement& statement) {
    SW_TRY(bool row, statement.step());
    if (!row)
        return std::optional<StoredFeedback>();
    SW_TRY(auto stored, read_row(statement));
    return std::optional(std::move(stored));
}

Error as_read_error(const Error& error) {
    return make_error("storage.read_failed", error.message);
}

} // namespace

struct SqliteStorage::WriterStatements {
    SqliteStatement insert;
    SqliteStatement find_existing;
};

Result<std::unique_ptr<SqliteStorage>> SqliteStorage::open(const std::filesystem::path& path) {
    if (path.has_parent_path()) {
        std::error_code ignored;
        std::filesystem::create_directories(path.parent_path(), ignored);
    }
    SW_TRY(auto writer, SqliteConnection::open(path));
    SW_TRY_VOID(writer.define_function("fold_for_search", fold_text)); // migration 3 fills search_text
    SW_TRY_VOID(migrate(writer));
    auto statements = std::make_unique<WriterStatements>();
    SW_TRY(
        statements->insert,
        writer.prepare("INSERT INTO feedback (site, client_id, kind, subject, helpful, page_url, locale, "
                       "comment, payload, client_time_ms, received_at_ms, guide_outcome, guide_step, "
                       "guide_step_number, subject_key, search_text, shopper_digest) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17) "
                       "ON CONFLICT (site, client_id) DO NOTHING"));
    SW_TRY(statements->find_existing,
           writer.prepare(
               "SELECT id, received_at_ms, payload FROM feedback WHERE site = ?1 AND client_id = ?2"));
    return std::unique_ptr<SqliteStorage>(new SqliteStorage(path, std::move(writer), std::move(statements)));
}

SqliteStorage::SqliteStorage(std::filesystem::path path, SqliteConnection writer,
                             std::unique_ptr<WriterStatements> statements)
    : m_path(std::move(path)), m_writer(std::move(writer)), m_statements(std::move(statements)),
      m_batcher(std::make_unique<WriteBatcher<PendingInsert>>(
          [this](std::vector<PendingInsert>& batch) { commit_batch(batch); })) {}

SqliteStorage::~SqliteStorage() {
    close(); // commits what is queued while the connection still exists
}

void SqliteStorage::close() {
    m_batcher->close();
}

Result<int> SqliteStorage::schema_version() {
    return with_reader([](SqliteConnection& db) { return read_schema_version(db); });
}

void SqliteStorage::insert_feedback(NewFeedback feedback, InsertFeedbackDone done) {
    PendingInsert job{std::move(feedback), std::move(done)};
    auto done_if_refused = job.done;
    if (!m_batcher->submit(std::move(job)))
        done_if_refused(make_error("storage.closed", "the store is shutting down"));
}

Result<FeedbackInsertResult> SqliteStorage::insert_one(const NewFeedback& feedback) {
    const FeedbackColumns columns = to_feedback_columns(feedback);
    SqliteStatement& insert = m_statements->insert;
    insert.reset();
    insert.bind(1, columns.site);
    insert.bind(2, columns.client_id);
    insert.bind(3, columns.kind);
    insert.bind(4, columns.subject);
    insert.bind(5, columns.helpful);
    insert.bind(6, columns.page_url);
    insert.bind(7, columns.locale);
    insert.bind(8, columns.comment);
    insert.bind(9, columns.payload);
    insert.bind(10, columns.client_time_ms);
    insert.bind(11, columns.received_at_ms);
    insert.bind_optional(12, columns.guide_outcome);
    insert.bind(13, columns.guide_step);
    insert.bind(14, columns.guide_step_number);
    insert.bind(15, columns.subject_key);
    insert.bind(16, columns.search_text);
    insert.bind(17, columns.shopper_digest);
    SW_TRY(bool unused_row, insert.step());
    (void)unused_row;
    if (m_writer.changes() == 1)
        return FeedbackInsertResult{InsertOutcome::Stored, m_writer.last_insert_rowid(),
                                    columns.received_at_ms};

    SqliteStatement& find = m_statements->find_existing;
    find.reset();
    find.bind(1, columns.site);
    find.bind(2, columns.client_id);
    SW_TRY(bool found, find.step());
    if (!found)
        return make_error("storage.write_failed", "the insert was ignored but no row holds its client id");
    const bool same = find.column_text(2) == columns.payload;
    return FeedbackInsertResult{same ? InsertOutcome::Duplicate : InsertOutcome::Conflict, find.column_int(0),
                                find.column_int(1)};
}

void SqliteStorage::commit_batch(std::vector<PendingInsert>& batch) {
    std::vector<Result<FeedbackInsertResult>> results;
    results.reserve(batch.size());
    auto written = [&]() -> Result<void> {
        SW_TRY_VOID(m_writer.execute("BEGIN IMMEDIATE"));
        for (const PendingInsert& job : batch) {
            auto result = insert_one(job.feedback);
            if (!result) {
                (void)m_writer.execute("ROLLBACK");
                return result.error();
            }
            results.push_back(std::move(result));
        }
        auto committed = m_writer.execute("COMMIT");
        if (!committed) {
            (void)m_writer.execute("ROLLBACK");
            return committed.error();
        }
        return ok();
    }();
    for (std::size_t i = 0; i < batch.size(); ++i) {
        if (written)
            batch[i].done(std::move(results[i]));
        else
            batch[i].done(make_error("storage.write_failed", written.error().message));
    }
}

template <typename Read>
auto SqliteStorage::with_reader(Read&& read) -> decltype(read(std::declval<SqliteConnection&>())) {
    std::optional<SqliteConnection> reader;
    {
        std::lock_guard lock(m_readers_mutex);
        if (!m_idle_readers.empty()) {
            reader.emplace(std::move(m_idle_readers.back()));
            m_idle_readers.pop_back();
        }
    }
    if (!reader) {
        auto opened = SqliteConnection::open(m_path);
        if (!opened)
            return as_read_error(opened.error());
        reader.emplace(std::move(*opened));
    }
    auto result = read(*reader);
    std::lock_guard lock(m_readers_mutex);
    m_idle_readers.push_back(std::move(*reader));
    return result;
}

Result<std::optional<StoredFeedback>>
SqliteStorage::find_one(std::string_view site, std::string_view key_column, const SqlValue& key) {
    return with_reader([&](SqliteConnection& db) -> Result<std::optional<StoredFeedback>> {
        SqlWhere where;
        if (!site.empty())
            where.add("site = ", std::string(site));
        where.add(std::string(key_column) + " = ", key);
        auto statement = db.prepare(std::string("SELECT ") + feedback_row_columns(SqlDialect::Sqlite) +
                                    " FROM feedback" + where.sql());
        if (!statement)
            return as_read_error(statement.error());
        statement->bind_all(where.params());
        return read_one(*statement);
    });
}

Result<std::optional<StoredFeedback>> SqliteStorage::find_feedback(std::string_view site, std::int64_t id) {
    return find_one(site, "id", id);
}

Result<std::optional<StoredFeedback>> SqliteStorage::find_feedback_by_client_id(std::string_view site,
                                                                                std::string_view client_id) {
    return find_one(site, "client_id", std::string(client_id));
}

Result<FeedbackPage> SqliteStorage::list_feedback(const FeedbackQuery& query) {
    const SqlWithParams select = feedback_list_sql(query);
    return with_reader([&](SqliteConnection& db) -> Result<FeedbackPage> {
        auto statement = db.prepare(select.sql);
        if (!statement)
            return as_read_error(statement.error());
        statement->bind_all(select.params);
        FeedbackPage page;
        for (;;) {
            SW_TRY(bool row, statement->step());
            if (!row)
                break;
            if (page.items.size() == query.limit) {
                page.more = true;
                break;
            }
            SW_TRY(auto stored, read_row(*statement));
            page.items.push_back(std::move(stored));
        }
        return page;
    });
}

Result<FeedbackCount> SqliteStorage::count_matching_feedback(const FeedbackQuery& query) {
    const SqlWithParams select = feedback_count_sql(query);
    return with_reader([&](SqliteConnection& db) -> Result<FeedbackCount> {
        auto statement = db.prepare(select.sql);
        if (!statement)
            return as_read_error(statement.error());
        statement->bind_all(select.params);
        auto row = statement->step();
        if (!row)
            return as_read_error(row.error());
        return *row ? FeedbackCount{statement->column_int(0), statement->column_int(1)} : FeedbackCount{};
    });
}

Result<std::int64_t> SqliteStorage::count_feedback(std::string_view site) {
    return with_reader([&](SqliteConnection& db) -> Result<std::int64_t> {
        auto statement = db.prepare("SELECT COUNT(*) FROM feedback WHERE site = ?1");
        if (!statement)
            return as_read_error(statement.error());
        statement->bind(1, site);
        SW_TRY(bool row, statement->step());
        return row ? statement->column_int(0) : 0;
    });
}

Result<std::optional<FeedbackDetail>> SqliteStorage::find_feedback_detail(std::int64_t id) {
    SW_TRY(auto feedback, find_one("", "id", id));
    if (!feedback)
        return std::optional<FeedbackDetail>();
    return with_reader([&](SqliteConnection& db) -> Result<std::optional<FeedbackDetail>> {
        auto activity = sqlite_triage::activity(db, id);
        if (!activity)
            return as_read_error(activity.error());
        return std::optional(FeedbackDetail{std::move(*feedback), std::move(*activity)});
    });
}

Result<FeedbackInsights> SqliteStorage::feedback_insights(const InsightsQuery& query) {
    return with_reader([&](SqliteConnection& db) -> Result<FeedbackInsights> {
        auto insights = sqlite_insights::read(db, query);
        return insights ? std::move(insights) : as_read_error(insights.error());
    });
}

Result<TriageOutcome> SqliteStorage::apply_triage(const TriageChange& change) {
    return with_staff_writer([&](SqliteConnection& db) { return sqlite_triage::apply(db, change); });
}

Result<protocol::ShopperErasure>
SqliteStorage::forget_shopper(std::string_view site, std::string_view shopper_digest, std::int64_t at_ms) {
    return with_staff_writer(
        [&](SqliteConnection& db) { return sqlite_erasure::forget(db, site, shopper_digest, at_ms); });
}

template <typename Write>
auto SqliteStorage::with_staff_writer(Write&& write) -> decltype(write(std::declval<SqliteConnection&>())) {
    std::lock_guard lock(m_staff_writer_mutex);
    if (!m_staff_writer) {
        auto opened = SqliteConnection::open(m_path);
        if (!opened)
            return make_error("storage.write_failed", opened.error().message);
        m_staff_writer.emplace(std::move(*opened));
    }
    auto result = write(*m_staff_writer);
    // SQLite's own failures (storage.sqlite.*) are write failures to the caller; what the write
    // functions named themselves (storage.staff_exists, chat.* refusals …) is passed on as it is.
    if (!result && result.error().code.rfind("storage.sqlite.", 0) == 0)
        return make_error("storage.write_failed", result.error().message);
    return result;
}

Result<StaffAccount> SqliteStorage::add_staff(const NewStaffAccount& account) {
    return with_staff_writer([&](SqliteConnection& db) { return sqlite_staff::add(db, account); });
}

Result<std::vector<StaffAccount>> SqliteStorage::list_staff() {
    return with_reader([](SqliteConnection& db) -> Result<std::vector<StaffAccount>> {
        auto accounts = sqlite_staff::list(db);
        return accounts ? std::move(accounts) : as_read_error(accounts.error());
    });
}

Result<std::optional<StaffAccount>> SqliteStorage::find_staff(std::string_view email) {
    return with_reader([&](SqliteConnection& db) -> Result<std::optional<StaffAccount>> {
        auto account = sqlite_staff::find(db, email);
        return account ? std::move(account) : as_read_error(account.error());
    });
}

Result<bool> SqliteStorage::remove_staff(std::string_view email) {
    return with_staff_writer([&](SqliteConnection& db) { return sqlite_staff::remove(db, email); });
}

Result<bool> SqliteStorage::set_staff_password(std::string_view email, std::string_view password_hash) {
    return with_staff_writer(
        [&](SqliteConnection& db) { return sqlite_staff::set_password(db, email, password_hash); });
}

Result<void> SqliteStorage::add_staff_session(const NewStaffSession& session) {
    return with_staff_writer([&](SqliteConnection& db) { return sqlite_staff::add_session(db, session); });
}

Result<std::optional<StaffSession>> SqliteStorage::find_staff_session(std::string_view token_digest) {
    return with_reader([&](SqliteConnection& db) -> Result<std::optional<StaffSession>> {
        auto session = sqlite_staff::find_session(db, token_digest);
        return session ? std::move(session) : as_read_error(session.error());
    });
}

Result<void> SqliteStorage::touch_staff_session(std::string_view token_digest, std::int64_t now_ms) {
    return with_staff_writer(
        [&](SqliteConnection& db) { return sqlite_staff::touch_session(db, token_digest, now_ms); });
}

Result<void> SqliteStorage::remove_staff_session(std::string_view token_digest) {
    return with_staff_writer(
        [&](SqliteConnection& db) { return sqlite_staff::remove_session(db, token_digest); });
}

Result<std::int64_t> SqliteStorage::remove_stale_staff_sessions(std::int64_t idle_before_ms,
                                                                std::int64_t created_before_ms) {
    return with_staff_writer([&](SqliteConnection& db) {
        return sqlite_staff::remove_stale_sessions(db, idle_before_ms, created_before_ms);
    });
}

Result<void> SqliteStorage::change_sign_in_bucket(std::string_view key, SignInBucket fresh,
                                                  const std::function<void(SignInBucket&)>& change) {
    return with_staff_writer(
        [&](SqliteConnection& db) { return sqlite_staff::change_sign_in_bucket(db, key, fresh, change); });
}

Result<std::int64_t> SqliteStorage::remove_sign_in_buckets_before(std::int64_t updated_before_ms) {
    return with_staff_writer([&](SqliteConnection& db) {
        return sqlite_staff::remove_sign_in_buckets_before(db, updated_before_ms);
    });
}

Result<StoredConversation> SqliteStorage::create_conversation(const NewConversation& conversation) {
    return with_staff_writer([&](SqliteConnection& db) { return sqlite_chat::create(db, conversation); });
}

Result<std::optional<StoredConversation>> SqliteStorage::find_conversation(std::string_view id) {
    return with_reader([&](SqliteConnection& db) -> Result<std::optional<StoredConversation>> {
        auto found = sqlite_chat::find(db, id);
        return found ? std::move(found) : as_read_error(found.error());
    });
}

Result<std::vector<StoredConversation>>
SqliteStorage::list_conversations(std::string_view site, std::span<const chat::ConversationState> states,
                                  std::size_t limit) {
    return with_reader([&](SqliteConnection& db) -> Result<std::vector<StoredConversation>> {
        auto listed = sqlite_chat::list(db, site, states, limit);
        return listed ? std::move(listed) : as_read_error(listed.error());
    });
}

Result<AppendedChatEvent> SqliteStorage::append_chat_event(const ChatEventDraft& draft) {
    return with_staff_writer([&](SqliteConnection& db) { return sqlite_chat::append(db, draft); });
}

Result<void> SqliteStorage::set_conversation_reply_email(std::string_view conversation_id,
                                                         std::string_view email, std::int64_t at_ms) {
    return with_staff_writer([&](SqliteConnection& db) {
        return sqlite_chat::set_reply_email(db, conversation_id, email, at_ms);
    });
}

Result<std::vector<chat::ChatEvent>> SqliteStorage::chat_events_after(std::string_view conversation_id,
                                                                      std::uint64_t after_seq,
                                                                      std::size_t limit) {
    return with_reader([&](SqliteConnection& db) -> Result<std::vector<chat::ChatEvent>> {
        auto events = sqlite_chat::events_after(db, conversation_id, after_seq, limit);
        return events ? std::move(events) : as_read_error(events.error());
    });
}

} // namespace support::server
