#pragma once
// FeedbackOutbox: feedback events ("article helpful: yes", how a guide ended) waiting to reach the
// server, so that each arrives exactly once from the server's point of view. Events are queued,
// handed out for sending a few at a time, retried with exponential backoff and full jitter
// (retry_backoff.h), and removed only when the server acknowledged them. The server stores an event
// once per client id (a UUID per event, uuid.h), so sending one again is always safe; the outbox
// errs on the side of sending twice, never of losing one.
//
// The outbox is pure data: no clock, no randomness, no I/O. The caller passes the time (ms since
// the epoch) and random values, sends the bodies, and saves to_json() in localStorage after each
// change (site-scoped key "feedback-outbox"); after a reload from_json() gives the outbox back.
//
//   auto queued = outbox.enqueue({client_id, "article_helpful", body}, now);
//   for (const OutboxEntry& entry : outbox.take_due(now))
//       post(entry.body);                          // then one of, per entry:
//   outbox.acknowledged(id, now);                  // 2xx
//   outbox.failed_transient(id, {"web.fetch.failed", retry_after}, now, Math.random());
//   outbox.failed_permanent(id, "api.feedback.wrong_type", now);   // 400/404/409/413/415
//   timer_at(outbox.next_wake_at(now));            // one timer is enough
//   outbox.network_returned(now);                  // the browser's `online` event
//
// Capacity is bounded (localStorage is small and shared with the host page): when full, the
// oldest event is dropped and counted so the caller can log one warning. Events older than
// max_age are dropped as stale. Dropped and acknowledged ids are remembered (bounded) so that
// merging another tab's copy does not bring them back.

#include "shared/core/feedback/retry_backoff.h"
#include "shared/core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::feedback {

struct OutboxLimits {
    std::size_t max_entries = 200;
    std::size_t max_total_body_bytes = 256 * 1024; // the sum of the queued bodies
    std::size_t max_body_bytes = 16 * 1024;        // one body; the server refuses larger (413)
    std::size_t max_in_flight = 2;                 // handed out and not yet answered
    std::size_t max_dropped = 20;                  // dropped events remembered for diagnostics
    std::size_t max_acknowledged = 100;            // acknowledged ids remembered for merging
    // An entry handed out whose result never came (a lost promise) is handed out again after this.
    std::int64_t send_timeout_ms = 2 * 60 * 1'000;
    // Older events are dropped as stale (feedback.outbox.expired) instead of retried for ever.
    std::int64_t max_age_ms = 14LL * 24 * 60 * 60 * 1'000;
    // A server's Retry-After is honoured up to this long; a longer one (a misconfigured header, a
    // date years ahead) waits this long, so feedback is not parked for ever.
    std::int64_t max_retry_after_ms = 24LL * 60 * 60 * 1'000;
    BackoffPolicy backoff;
};

inline constexpr int k_outbox_version = 1;
inline constexpr std::size_t k_max_kind_bytes = 64;
inline constexpr std::size_t k_max_error_id_bytes = 128;

// One queued event, as persisted.
struct OutboxEntry {
    std::string client_id; // lowercase UUID
    std::string kind;      // "article_helpful", "guide", …: 1–64 of [A-Za-z0-9_.:-]
    std::string body;      // the encoded request body, opaque to the outbox; valid UTF-8
    std::int64_t created_at_ms = 0;
    std::uint32_t attempts = 0; // times handed out for sending (counted when handed out, so a send
                                // cut short by a page unload still counts)
    std::int64_t next_attempt_at_ms = 0;
    std::string last_error; // stable id of the last transient failure; empty before any

    bool operator==(const OutboxEntry&) const = default;
};

// What the caller hands to enqueue().
struct NewFeedback {
    std::string_view client_id; // a UUID in either case (stored lowercase)
    std::string_view kind;
    std::string_view body;
};

enum class EnqueueOutcome {
    Queued,
    AlreadyQueued,  // the same client id is waiting: nothing added
    AlreadySettled, // the same client id was acknowledged or dropped recently: nothing added
};

struct Enqueued {
    EnqueueOutcome outcome = EnqueueOutcome::Queued;
    std::size_t evicted = 0; // older events dropped to make room for this one
};

// An event that will not be sent: refused by the server, evicted or expired.
struct DroppedEntry {
    std::string client_id;
    std::string kind;
    std::string error_id; // the server's error, feedback.outbox.evicted or feedback.outbox.expired
    // When it was dropped. Evictions made without a clock (merge, restore) record the entry's
    // created_at_ms instead.
    std::int64_t at_ms = 0;

    bool operator==(const DroppedEntry&) const = default;
};

struct AcknowledgedId {
    std::string client_id;
    std::int64_t at_ms = 0;

    bool operator==(const AcknowledgedId&) const = default;
};

// A send that may succeed later: no response (offline, DNS, CORS), 5xx, 408 or 429.
struct TransientFailure {
    std::string_view error_id;                  // e.g. "web.fetch.failed", "web.fetch.http_status"
    std::optional<std::int64_t> retry_after_ms; // the server's Retry-After, as a duration
};

// What the outbox dropped or skipped since it was created or restored (not persisted): the caller
// logs one warning when a count grows, not one per event.
struct OutboxCounters {
    std::size_t evicted = 0;            // oldest dropped to stay within capacity
    std::size_t expired = 0;            // older than max_age
    std::size_t dropped_permanent = 0;  // refused by the server
    std::size_t skipped_on_restore = 0; // malformed or duplicate items left out by from_json
};

class FeedbackOutbox {
  public:
    explicit FeedbackOutbox(OutboxLimits limits = {});

    // Queues an event, due at once. Errors (nothing queued): feedback.outbox.invalid_client_id,
    // feedback.outbox.invalid_kind, feedback.outbox.invalid_body (empty or not UTF-8),
    // feedback.outbox.body_too_large; `field` names the NewFeedback member at fault.
    Result<Enqueued> enqueue(const NewFeedback& feedback, std::int64_t now_ms);

    // The entries to send now, oldest schedule first, and marks them in flight: never more than
    // max_in_flight at once, and an entry in flight is not handed out again until its result is
    // reported (or send_timeout_ms passed). Also drops expired entries. Nothing while the server's
    // Retry-After lasts.
    [[nodiscard]] std::vector<OutboxEntry> take_due(std::int64_t now_ms);

    // When take_due() may next return something if no result arrives first (may be <= now_ms:
    // call it now); nothing when the outbox is empty. One timer for this is enough: results,
    // enqueue() and network_returned() are followed by take_due() and a new timer anyway.
    std::optional<std::int64_t> next_wake_at(std::int64_t now_ms) const;

    // The results of a send. Each returns false, and changes nothing, for an id that is not queued
    // (already acknowledged, dropped, or merged away).
    //
    // 2xx: the entry is removed and its id remembered.
    bool acknowledged(std::string_view client_id, std::int64_t now_ms);
    // Rescheduled after a full-jitter backoff (random_unit in [0, 1)), never before the server's
    // Retry-After; a Retry-After also holds back every other entry until it has passed.
    bool failed_transient(std::string_view client_id, const TransientFailure& failure, std::int64_t now_ms,
                          double random_unit);
    // 400/404/409/413/415, where sending again cannot help: removed and listed in dropped().
    bool failed_permanent(std::string_view client_id, std::string_view error_id, std::int64_t now_ms);

    // The browser is online again: every entry waiting for a retry is due now (a server's
    // Retry-After still holds). Returns how many were brought forward.
    std::size_t network_returned(std::int64_t now_ms);

    // Unites another tab's copy into this one. Entries are united by client id; for an id in both,
    // the copy tried more often wins (it has seen more of the server's answers), then the one with
    // the later next attempt (the more cautious schedule), then the other fields compared in order,
    // so the result never depends on which copy merges into which. An id acknowledged or dropped in
    // either copy stays gone. Entries beyond capacity are evicted oldest first. The persisted state
    // (to_json) of a.merge(b) and b.merge(a) is the same; what is in flight stays this tab's.
    void merge(const FeedbackOutbox& other);

    // The persisted form, {"v":1,"entries":[…],"acknowledged":[…],"dropped":[…],
    // "paused_until_ms":0}. Nothing is persisted as in flight: after a restore every entry whose
    // time has come is due, and the server drops what it already has.
    std::string to_json() const;
    // Errors (the caller starts with an empty outbox and logs once): feedback.outbox.too_large,
    // feedback.outbox.corrupt (not JSON, not an outbox), feedback.outbox.unsupported_version
    // (field "v"). A malformed entry is skipped and counted (counters().skipped_on_restore, the
    // first problem in restore_problem()) instead of losing the others.
    static Result<FeedbackOutbox> from_json(std::string_view text, OutboxLimits limits = {});

    // Oldest first (by created_at_ms, then client id).
    const std::vector<OutboxEntry>& entries() const { return m_entries; }
    const OutboxEntry* find(std::string_view client_id) const;
    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }
    std::size_t total_body_bytes() const { return m_total_body_bytes; }
    std::size_t in_flight_count() const { return m_leases.size(); }
    bool in_flight(std::string_view client_id) const;
    // Until when the server asked us to wait (Retry-After); 0 when it did not.
    std::int64_t paused_until_ms() const { return m_paused_until_ms; }
    // Newest first.
    const std::vector<DroppedEntry>& dropped() const { return m_dropped; }
    const std::vector<AcknowledgedId>& acknowledged_ids() const { return m_acknowledged; }
    const OutboxCounters& counters() const { return m_counters; }
    const std::optional<Error>& restore_problem() const { return m_restore_problem; }
    const OutboxLimits& limits() const { return m_limits; }

  private:
    struct Lease {
        std::string client_id;
        std::int64_t until_ms = 0;
    };

    OutboxEntry* find_mutable(std::string_view client_id);
    bool is_leased(std::string_view canonical_id) const;
    bool is_settled(std::string_view canonical_id) const;
    void release_lease(std::string_view client_id);
    void release_expired_leases(std::int64_t now_ms);
    void remove_entry(std::size_t index);
    void record_dropped(const OutboxEntry& entry, std::string error_id, std::int64_t at_ms);
    void drop_expired(std::int64_t now_ms);
    // Evicts oldest entries until `extra_bytes` more body fits beside one more entry (or, with
    // `room_for_one` false, until the outbox is within its limits). `now_ms` dates the evictions;
    // without one each is dated by its entry's creation.
    std::size_t make_room(bool room_for_one, std::size_t extra_bytes, std::optional<std::int64_t> now_ms);
    // Replaces the entries with `entries`: one per client id (the merge rule), none that is
    // settled, in canonical order, within capacity. Returns how many duplicates were left out.
    std::size_t adopt_entries(std::vector<OutboxEntry> entries);
    void bound_settled_lists();

    OutboxLimits m_limits;
    std::vector<OutboxEntry> m_entries; // canonical order: created_at_ms, then client_id
    std::vector<Lease> m_leases;        // the entries in flight; never persisted
    std::vector<DroppedEntry> m_dropped;
    std::vector<AcknowledgedId> m_acknowledged;
    std::int64_t m_paused_until_ms = 0;
    std::size_t m_total_body_bytes = 0;
    OutboxCounters m_counters;
    std::optional<Error> m_restore_problem;
};

} // namespace support::feedback
