#pragma once
// Where support-server keeps what it is told: one interface that handlers use, and a test suite
// written against it (tests/server/storage/) that every implementation passes: SQLite, in one
// file, today; PostgreSQL, which several server instances can share, later, without a handler
// changing.
//
// Writes that shoppers are told about are acknowledged only once durable: insert_feedback()
// queues the write and calls `done` after the transaction holding it has committed (SQLite in
// WAL mode with synchronous=FULL). Writes arriving together
// share one transaction, so durability costs one sync per batch, not one per request.
//
// Error ids: storage.open_failed, storage.migration_failed, storage.write_failed,
// storage.read_failed, storage.closed, storage.schema_too_new, storage.unsupported_backend.

#include "server/storage/feedback_record.h"
#include "shared/core/result.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace support::server {

using InsertFeedbackDone = std::function<void(Result<FeedbackInsertResult>)>;

class Storage {
  public:
    virtual ~Storage() = default;

    // "sqlite" (later also "postgresql").
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

    // Reads; safe from any thread.
    virtual Result<std::optional<StoredFeedback>> find_feedback(std::string_view site, std::int64_t id) = 0;
    virtual Result<std::optional<StoredFeedback>> find_feedback_by_client_id(std::string_view site,
                                                                             std::string_view client_id) = 0;
    virtual Result<FeedbackPage> list_feedback(const FeedbackQuery& query) = 0;
    virtual Result<std::int64_t> count_feedback(std::string_view site) = 0;
};

// Opens (creating when needed) and migrates the store `spec` names: a SQLite file path (its folder
// is created). "postgresql://…" is refused with storage.unsupported_backend until that store lands.
Result<std::unique_ptr<Storage>> open_storage(std::string_view spec);

} // namespace support::server
