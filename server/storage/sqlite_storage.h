#pragma once
// Storage in one SQLite file (WAL, synchronous=FULL): one writer connection on the group-commit
// thread, and a pool of reader connections that read while it writes.

#include "server/storage/feedback_list_sql.h"
#include "server/storage/sqlite_connection.h"
#include "server/storage/storage.h"
#include "server/storage/write_batcher.h"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

namespace support::server {

class SqliteStorage final : public Storage {
  public:
    // Creates the file's folder when missing, opens it and applies pending migrations.
    static Result<std::unique_ptr<SqliteStorage>> open(const std::filesystem::path& path);
    ~SqliteStorage() override;

    std::string_view backend_name() const override { return "sqlite"; }
    Result<int> schema_version() override;
    void insert_feedback(NewFeedback feedback, InsertFeedbackDone done) override;
    void close() override;
    Result<std::optional<StoredFeedback>> find_feedback(std::string_view site, std::int64_t id) override;
    Result<std::optional<StoredFeedback>> find_feedback_by_client_id(std::string_view site,
                                                                     std::string_view client_id) override;
    Result<FeedbackPage> list_feedback(const FeedbackQuery& query) override;
    Result<FeedbackCount> count_matching_feedback(const FeedbackQuery& query) override;
    Result<std::int64_t> count_feedback(std::string_view site) override;
    Result<std::optional<FeedbackDetail>> find_feedback_detail(std::int64_t id) override;
    Result<FeedbackInsights> feedback_insights(const InsightsQuery& query) override;
    Result<TriageOutcome> apply_triage(const TriageChange& change) override;
    Result<protocol::ShopperErasure> forget_shopper(std::string_view site, std::string_view shopper_digest,
                                                    std::int64_t at_ms) override;

    Result<StaffAccount> add_staff(const NewStaffAccount& account) override;
    Result<std::vector<StaffAccount>> list_staff() override;
    Result<std::optional<StaffAccount>> find_staff(std::string_view email) override;
    Result<bool> remove_staff(std::string_view email) override;
    Result<bool> set_staff_password(std::string_view email, std::string_view password_hash) override;
    Result<void> add_staff_session(const NewStaffSession& session) override;
    Result<std::optional<StaffSession>> find_staff_session(std::string_view token_digest) override;
    Result<void> touch_staff_session(std::string_view token_digest, std::int64_t now_ms) override;
    Result<void> remove_staff_session(std::string_view token_digest) override;
    Result<std::int64_t> remove_stale_staff_sessions(std::int64_t idle_before_ms,
                                                     std::int64_t created_before_ms) override;

    Result<void> change_sign_in_bucket(std::string_view key, SignInBucket fresh,
                                       const std::function<void(SignInBucket&)>& change) override;
    Result<std::int64_t> remove_sign_in_buckets_before(std::int64_t updated_before_ms) override;
    Result<StoredConversation> create_conversation(const NewConversation& conversation) override;
    Result<std::optional<StoredConversation>> find_conversation(std::string_view id) override;
    Result<std::vector<StoredConversation>>
    list_conversations(std::string_view site, std::span<const chat::ConversationState> states,
                       std::size_t limit) override;
    Result<AppendedChatEvent> append_chat_event(const ChatEventDraft& draft) override;
    Result<void> set_conversation_reply_email(std::string_view conversation_id, std::string_view email,
                                              std::int64_t at_ms) override;
    Result<std::vector<chat::ChatEvent>>
    chat_events_after(std::string_view conversation_id, std::uint64_t after_seq, std::size_t limit) override;

  private:
    struct PendingInsert {
        NewFeedback feedback;
        InsertFeedbackDone done;
    };
    struct WriterStatements;

    SqliteStorage(std::filesystem::path path, SqliteConnection writer,
                  std::unique_ptr<WriterStatements> statements);
    void commit_batch(std::vector<PendingInsert>& batch);
    Result<FeedbackInsertResult> insert_one(const NewFeedback& feedback);
    // The site's row (any site's when `site` is empty) whose `key_column` ("id" or "client_id",
    // never shopper input) equals `key`.
    Result<std::optional<StoredFeedback>> find_one(std::string_view site, std::string_view key_column,
                                                   const SqlValue& key);

    // Borrows a reader connection for the duration of `read`.
    template <typename Read>
    auto with_reader(Read&& read) -> decltype(read(std::declval<SqliteConnection&>()));
    // Runs `write` on the staff writer connection (opened on first use), one at a time.
    template <typename Write>
    auto with_staff_writer(Write&& write) -> decltype(write(std::declval<SqliteConnection&>()));

    std::filesystem::path m_path;
    SqliteConnection m_writer;
    std::unique_ptr<WriterStatements> m_statements;
    std::mutex m_readers_mutex;
    std::vector<SqliteConnection> m_idle_readers;
    std::mutex m_staff_writer_mutex;
    std::optional<SqliteConnection> m_staff_writer;
    std::unique_ptr<WriteBatcher<PendingInsert>> m_batcher; // last: its thread uses the members above
};

} // namespace support::server
