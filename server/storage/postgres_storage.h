#pragma once
// Storage in a PostgreSQL database, which several support-server instances can share: feedback
// inserts group-committed on one writer connection (as SqliteStorage's: a batch per transaction,
// each answered once its COMMIT returned — PostgreSQL's default synchronous_commit makes that
// durable), everything else on a pool of connections, each call in its own transaction.

#include "server/storage/postgres_connection.h"
#include "server/storage/storage.h"
#include "server/storage/write_batcher.h"

#include <memory>
#include <string>
#include <vector>

namespace support::server {

class PostgresStorage final : public Storage {
  public:
    // Connects, applies pending migrations (once, whichever instance comes first) and starts the
    // writer. `pool_size`: connections for reads and staff/chat writes, besides the writer's.
    static Result<std::unique_ptr<PostgresStorage>> open(std::string url, std::size_t pool_size);
    ~PostgresStorage() override;

    std::string_view backend_name() const override { return "postgresql"; }
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

    explicit PostgresStorage(std::unique_ptr<PostgresPool> pool);
    void commit_batch(std::vector<PendingInsert>& batch);
    Result<std::vector<Result<FeedbackInsertResult>>> write_batch(const std::vector<PendingInsert>& batch);
    Result<std::optional<StoredFeedback>> find_one(std::string_view site, std::string_view key_column,
                                                   const SqlValue& key);
    // A read on a pooled session (errors: storage.read_failed); a write (storage.write_failed, or
    // what the write named itself: storage.staff_exists, chat.* …).
    template <typename Read> auto read(Read&& read) -> decltype(read(std::declval<PostgresSession&>()));
    template <typename Write> auto write(Write&& write) -> decltype(write(std::declval<PostgresSession&>()));

    std::unique_ptr<PostgresPool> m_pool;
    std::unique_ptr<PostgresSession> m_writer; // the batcher thread's alone; reconnected when lost
    std::unique_ptr<WriteBatcher<PendingInsert>> m_batcher; // last: its thread uses the members above
};

} // namespace support::server
