#pragma once
// Where support-server keeps what it is told: one interface that handlers use, and a test suite
// written against it (tests/server/storage/) that every implementation passes: SQLite, in one
// file; PostgreSQL, which several server instances can share.
//
// Writes that shoppers are told about are acknowledged only once durable: insert_feedback()
// queues the write and calls `done` after the transaction holding it has committed (SQLite in
// WAL mode with synchronous=FULL; PostgreSQL with its default synchronous_commit). Writes arriving together
// share one transaction, so durability costs one sync per batch, not one per request.
//
// Error ids: storage.open_failed, storage.migration_failed, storage.write_failed,
// storage.read_failed, storage.closed, storage.schema_too_new, storage.unavailable (PostgreSQL
// cannot be reached), storage.staff_exists, storage.conversation_exists, storage.no_conversation; and chat.*
// when the conversation's state refuses an event (shared/core/chat).

#include "server/storage/chat_record.h"
#include "server/storage/feedback_insights.h"
#include "server/storage/feedback_record.h"
#include "server/storage/feedback_triage.h"
#include "server/storage/staff_record.h"
#include "shared/core/protocol/shopper_key.h"
#include "shared/core/result.h"

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace support::server {

using InsertFeedbackDone = std::function<void(Result<FeedbackInsertResult>)>;

class Storage {
  public:
    virtual ~Storage() = default;

    // "sqlite" or "postgresql".
    virtual std::string_view backend_name() const = 0;
    // The highest schema migration applied.
    virtual Result<int> schema_version() = 0;

    // Queues the write and returns at once; `done` runs later on the storage's writer thread,
    // exactly once, after the write is durable or has failed. Repeating a stored client id writes
    // nothing and reports Duplicate (same content) or Conflict (different content).
    virtual void insert_feedback(NewFeedback feedback, InsertFeedbackDone done) = 0;

    // Commits and answers every queued write, then refuses new ones (storage.closed). Call it
    // before the HTTP server whose connections wait on those answers goes away. Also done on
    // destruction.
    virtual void close() = 0;

    // Reads; safe from any thread. An empty site finds and lists across every site.
    virtual Result<std::optional<StoredFeedback>> find_feedback(std::string_view site, std::int64_t id) = 0;
    virtual Result<std::optional<StoredFeedback>> find_feedback_by_client_id(std::string_view site,
                                                                             std::string_view client_id) = 0;
    virtual Result<FeedbackPage> list_feedback(const FeedbackQuery& query) = 0;
    virtual Result<FeedbackCount> count_matching_feedback(const FeedbackQuery& query) = 0;
    virtual Result<std::int64_t> count_feedback(std::string_view site) = 0;
    virtual Result<std::optional<FeedbackDetail>> find_feedback_detail(std::int64_t id) = 0;
    virtual Result<FeedbackInsights> feedback_insights(const InsightsQuery& query) = 0;

    // Triage by staff: the change and its activity entry are written together and are durable
    // when the call returns (on the staff connection, like the staff writes below). The caller
    // has checked the value (a known status, a tidy tag, a note's length).
    virtual Result<TriageOutcome> apply_triage(const TriageChange& change) = 0;

    // Staff accounts and sessions: rare, small writes, made on their own connection and durable
    // when the call returns (they wait for the feedback writer's commits, never the other way).
    // Safe from any thread. E-mail addresses match without regard to ASCII case.
    virtual Result<StaffAccount> add_staff(const NewStaffAccount& account) = 0; // storage.staff_exists
    virtual Result<std::vector<StaffAccount>> list_staff() = 0;
    virtual Result<std::optional<StaffAccount>> find_staff(std::string_view email) = 0;
    // False when there is no such account. Its sessions end with it.
    virtual Result<bool> remove_staff(std::string_view email) = 0;
    // False when there is no such account. Every session of the account ends.
    virtual Result<bool> set_staff_password(std::string_view email, std::string_view password_hash) = 0;

    virtual Result<void> add_staff_session(const NewStaffSession& session) = 0;
    virtual Result<std::optional<StaffSession>> find_staff_session(std::string_view token_digest) = 0;
    virtual Result<void> touch_staff_session(std::string_view token_digest, std::int64_t now_ms) = 0;
    virtual Result<void> remove_staff_session(std::string_view token_digest) = 0;
    // Ends sessions idle since before `idle_before_ms` or begun before `created_before_ms`; how many.
    virtual Result<std::int64_t> remove_stale_staff_sessions(std::int64_t idle_before_ms,
                                                             std::int64_t created_before_ms) = 0;

    // The staff sign-in throttle's buckets, shared by every instance on the store: `change` gets
    // `key`'s bucket (`fresh` when the key has none) and changes it in place; the result is stored
    // before the call returns, and other callers for the same key wait meanwhile.
    virtual Result<void> change_sign_in_bucket(std::string_view key, SignInBucket fresh,
                                               const std::function<void(SignInBucket&)>& change) = 0;
    // Forgets buckets untouched since before `updated_before_ms` (full again by then); how many.
    virtual Result<std::int64_t> remove_sign_in_buckets_before(std::int64_t updated_before_ms) = 0;

    // Chat: conversations and their numbered events, written like the staff writes above (durable
    // when the call returns: an acknowledged message survives a crash). Safe from any thread.
    virtual Result<StoredConversation> create_conversation(const NewConversation& conversation) = 0;
    virtual Result<std::optional<StoredConversation>> find_conversation(std::string_view id) = 0;
    // The site's conversations in one of `states`, most recently active first (at most `limit`).
    virtual Result<std::vector<StoredConversation>>
    list_conversations(std::string_view site, std::span<const chat::ConversationState> states,
                       std::size_t limit) = 0;
    // Checks the event against the conversation's state, numbers it (its last seq + 1) and stores it
    // with the conversation's new state, in one transaction. A message whose client id is stored
    // already is answered with the stored event (duplicate), nothing written.
    virtual Result<AppendedChatEvent> append_chat_event(const ChatEventDraft& draft) = 0;
    // The address the shopper left for a reply (validated by the caller; empty removes it).
    // Errors: storage.no_conversation.
    virtual Result<void> set_conversation_reply_email(std::string_view conversation_id,
                                                      std::string_view email, std::int64_t at_ms) = 0;
    // The events after `after_seq`, in order (what a stream resumed with Last-Event-ID missed).
    virtual Result<std::vector<chat::ChatEvent>>
    chat_events_after(std::string_view conversation_id, std::uint64_t after_seq, std::size_t limit) = 0;

    // Deletes the site's feedback (with its tags and activity) and conversations (with their events)
    // stored under `shopper_digest`, records the erasure (site, time, counts) and says what went, in
    // one transaction, durable when it returns. Feedback still queued for the writer when it runs is
    // not covered (the widget stops sending before it asks).
    virtual Result<protocol::ShopperErasure>
    forget_shopper(std::string_view site, std::string_view shopper_digest, std::int64_t at_ms) = 0;
};

// Opens (creating when needed) and migrates the store `spec` names: a SQLite file path (its folder
// is created), or a PostgreSQL connection URI ("postgresql://user@host:port/database?…", the
// database existing) whose store keeps up to `pool_size` connections besides its writer's.
inline constexpr std::size_t k_default_postgres_pool = 8;
Result<std::unique_ptr<Storage>> open_storage(std::string_view spec,
                                              std::size_t pool_size = k_default_postgres_pool);
// Whether `spec` is a PostgreSQL URI ("postgresql://…" or "postgres://…").
bool names_postgresql(std::string_view spec);
// `spec` fit for a log: a PostgreSQL URI's password (user:PASSWORD@, ?password=) shown as ***.
std::string printable_store_address(std::string_view spec);

} // namespace support::server
