#include "shared/core/feedback/feedback_outbox.h"

#include "shared/core/feedback/outbox_fields.h"
#include "shared/core/protocol/uuid.h"

#include <algorithm>
#include <cassert>
#include <limits>
#include <tuple>
#include <utility>

namespace support::feedback {

namespace {

// The order entries are kept and persisted in, and the order eviction goes by: oldest first.
bool created_earlier(const OutboxEntry& a, const OutboxEntry& b) {
    return std::tie(a.created_at_ms, a.client_id) < std::tie(b.created_at_ms, b.client_id);
}

// The merge rule for two copies of one event (see FeedbackOutbox::merge): a total order, so that
// the copy kept never depends on which side it came from.
bool preferred_copy(const OutboxEntry& a, const OutboxEntry& b) {
    return std::tie(a.attempts, a.next_attempt_at_ms, a.created_at_ms, a.last_error, a.kind, a.body) >
           std::tie(b.attempts, b.next_attempt_at_ms, b.created_at_ms, b.last_error, b.kind, b.body);
}

auto preference_key(const DroppedEntry& entry) {
    return std::tie(entry.at_ms, entry.error_id, entry.kind);
}

auto preference_key(const AcknowledgedId& entry) {
    return std::tie(entry.at_ms);
}

// One record per client id (the later one, then by the other fields), newest first, at most `max`.
template <typename Record> void keep_newest_per_id(std::vector<Record>& records, std::size_t max) {
    std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
        if (a.client_id != b.client_id)
            return a.client_id < b.client_id;
        return preference_key(b) < preference_key(a);
    });
    records.erase(std::unique(records.begin(), records.end(),
                              [](const Record& a, const Record& b) { return a.client_id == b.client_id; }),
                  records.end());
    std::sort(records.begin(), records.end(), [](const Record& a, const Record& b) {
        if (a.at_ms != b.at_ms)
            return a.at_ms > b.at_ms;
        return a.client_id < b.client_id;
    });
    if (records.size() > max)
        records.erase(records.begin() + static_cast<std::ptrdiff_t>(max), records.end());
}

std::int64_t longest_wait_ms(const OutboxLimits& limits) {
    return std::max(limits.backoff.cap_ms, limits.max_retry_after_ms);
}

// A schedule further ahead than the outbox ever sets one means the clock moved back since (or
// storage was edited): waiting for it could park the event for years, so it is due now instead.
std::int64_t effective_next_attempt(const OutboxEntry& entry, std::int64_t now_ms,
                                    const OutboxLimits& limits) {
    return entry.next_attempt_at_ms > saturating_add(now_ms, longest_wait_ms(limits))
               ? now_ms
               : entry.next_attempt_at_ms;
}

std::int64_t effective_pause(std::int64_t paused_until_ms, std::int64_t now_ms, const OutboxLimits& limits) {
    return paused_until_ms > saturating_add(now_ms, limits.max_retry_after_ms) ? 0 : paused_until_ms;
}

std::string error_id_or_unspecified(std::string_view error_id) {
    std::string id = detail::sanitize_error_id(error_id);
    return id.empty() ? std::string(detail::k_error_unspecified) : id;
}

} // namespace

FeedbackOutbox::FeedbackOutbox(OutboxLimits limits) : m_limits(limits) {
    assert(m_limits.max_entries >= 1 && m_limits.max_in_flight >= 1 &&
           "an outbox that can hold or send nothing");
    assert(m_limits.max_body_bytes <= m_limits.max_total_body_bytes && "a body the outbox could never hold");
    assert(m_limits.send_timeout_ms > 0 && m_limits.max_age_ms > 0 && m_limits.max_retry_after_ms >= 0);
}

Result<Enqueued> FeedbackOutbox::enqueue(const NewFeedback& feedback, std::int64_t now_ms) {
    now_ms = detail::non_negative(now_ms);
    std::optional<std::string> client_id = protocol::canonical_uuid(feedback.client_id);
    if (!client_id)
        return make_error("feedback.outbox.invalid_client_id",
                          "a feedback event needs a UUID as its client id", "client_id");
    if (!detail::is_token(feedback.kind, k_max_kind_bytes))
        return make_error("feedback.outbox.invalid_kind",
                          "a feedback kind is 1 to 64 letters, digits or _ . : -", "kind");
    if (!detail::is_valid_body_text(feedback.body))
        return make_error("feedback.outbox.invalid_body", "a feedback body must be non-empty UTF-8 text",
                          "body");
    if (feedback.body.size() > m_limits.max_body_bytes)
        return make_error(
            "feedback.outbox.body_too_large",
            "a feedback body is larger than " + std::to_string(m_limits.max_body_bytes) + " bytes", "body");

    if (find_mutable(*client_id))
        return Enqueued{EnqueueOutcome::AlreadyQueued, 0};
    if (is_settled(*client_id))
        return Enqueued{EnqueueOutcome::AlreadySettled, 0};

    drop_expired(now_ms);
    const std::size_t evicted = make_room(true, feedback.body.size(), now_ms);
    OutboxEntry entry{
        std::move(*client_id), std::string(feedback.kind), std::string(feedback.body), now_ms, 0, now_ms, {}};
    m_total_body_bytes += entry.body.size();
    const auto position = std::upper_bound(m_entries.begin(), m_entries.end(), entry, created_earlier);
    m_entries.insert(position, std::move(entry));
    return Enqueued{EnqueueOutcome::Queued, evicted};
}

std::vector<OutboxEntry> FeedbackOutbox::take_due(std::int64_t now_ms) {
    now_ms = detail::non_negative(now_ms);
    drop_expired(now_ms);
    release_expired_leases(now_ms);
    m_paused_until_ms = effective_pause(m_paused_until_ms, now_ms, m_limits);
    if (now_ms < m_paused_until_ms || m_leases.size() >= m_limits.max_in_flight)
        return {};

    std::vector<OutboxEntry*> due;
    for (OutboxEntry& entry : m_entries) {
        entry.next_attempt_at_ms = effective_next_attempt(entry, now_ms, m_limits);
        if (entry.next_attempt_at_ms <= now_ms && !is_leased(entry.client_id))
            due.push_back(&entry);
    }
    // Entries are already oldest first, so a stable sort by schedule keeps that among equals.
    std::stable_sort(due.begin(), due.end(), [](const OutboxEntry* a, const OutboxEntry* b) {
        return a->next_attempt_at_ms < b->next_attempt_at_ms;
    });
    const std::size_t slots = m_limits.max_in_flight - m_leases.size();
    if (due.size() > slots)
        due.resize(slots);

    std::vector<OutboxEntry> handed_out;
    handed_out.reserve(due.size());
    for (OutboxEntry* entry : due) {
        if (entry->attempts < std::numeric_limits<std::uint32_t>::max())
            ++entry->attempts;
        m_leases.push_back(Lease{entry->client_id, saturating_add(now_ms, m_limits.send_timeout_ms)});
        handed_out.push_back(*entry);
    }
    return handed_out;
}

std::optional<std::int64_t> FeedbackOutbox::next_wake_at(std::int64_t now_ms) const {
    if (m_entries.empty())
        return std::nullopt;
    now_ms = detail::non_negative(now_ms);
    std::optional<std::int64_t> lease_ends;
    for (const Lease& lease : m_leases)
        lease_ends = std::min(lease_ends.value_or(lease.until_ms), lease.until_ms);
    if (m_leases.size() >= m_limits.max_in_flight)
        return lease_ends;

    std::optional<std::int64_t> earliest;
    for (const OutboxEntry& entry : m_entries) {
        if (is_leased(entry.client_id))
            continue;
        const std::int64_t at = effective_next_attempt(entry, now_ms, m_limits);
        earliest = std::min(earliest.value_or(at), at);
    }
    if (!earliest)
        return lease_ends; // everything is in flight
    std::int64_t wake = std::max(*earliest, effective_pause(m_paused_until_ms, now_ms, m_limits));
    if (lease_ends)
        wake = std::min(wake, *lease_ends);
    return wake;
}

bool FeedbackOutbox::acknowledged(std::string_view client_id, std::int64_t now_ms) {
    const std::optional<std::string> id = protocol::canonical_uuid(client_id);
    if (!id)
        return false;
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [&](const OutboxEntry& entry) { return entry.client_id == *id; });
    if (it == m_entries.end())
        return false;
    remove_entry(static_cast<std::size_t>(it - m_entries.begin()));
    m_acknowledged.push_back(AcknowledgedId{*id, detail::non_negative(now_ms)});
    bound_settled_lists();
    return true;
}

bool FeedbackOutbox::failed_transient(std::string_view client_id, const TransientFailure& failure,
                                      std::int64_t now_ms, double random_unit) {
    now_ms = detail::non_negative(now_ms);
    OutboxEntry* entry = find_mutable(client_id);
    if (!entry)
        return false;
    release_lease(entry->client_id);
    std::int64_t wait_ms =
        backoff_delay_ms(m_limits.backoff, std::max<std::uint32_t>(entry->attempts, 1), random_unit);
    if (failure.retry_after_ms && *failure.retry_after_ms > 0) {
        const std::int64_t retry_after_ms = std::min(*failure.retry_after_ms, m_limits.max_retry_after_ms);
        wait_ms = std::max(wait_ms, retry_after_ms);
        // Retry-After speaks for the server, not for this one event: everything waits.
        m_paused_until_ms = std::max(m_paused_until_ms, saturating_add(now_ms, retry_after_ms));
    }
    entry->next_attempt_at_ms = saturating_add(now_ms, wait_ms);
    entry->last_error = error_id_or_unspecified(failure.error_id);
    return true;
}

bool FeedbackOutbox::failed_permanent(std::string_view client_id, std::string_view error_id,
                                      std::int64_t now_ms) {
    const std::optional<std::string> id = protocol::canonical_uuid(client_id);
    if (!id)
        return false;
    const auto it = std::find_if(m_entries.begin(), m_entries.end(),
                                 [&](const OutboxEntry& entry) { return entry.client_id == *id; });
    if (it == m_entries.end())
        return false;
    record_dropped(*it, error_id_or_unspecified(error_id), detail::non_negative(now_ms));
    remove_entry(static_cast<std::size_t>(it - m_entries.begin()));
    ++m_counters.dropped_permanent;
    return true;
}

std::size_t FeedbackOutbox::network_returned(std::int64_t now_ms) {
    now_ms = detail::non_negative(now_ms);
    std::size_t brought_forward = 0;
    for (OutboxEntry& entry : m_entries) {
        if (entry.next_attempt_at_ms > now_ms && !is_leased(entry.client_id)) {
            entry.next_attempt_at_ms = now_ms;
            ++brought_forward;
        }
    }
    return brought_forward;
}

void FeedbackOutbox::merge(const FeedbackOutbox& other) {
    // Copies first: `other` may be this outbox.
    std::vector<AcknowledgedId> acknowledged = other.m_acknowledged;
    std::vector<DroppedEntry> dropped = other.m_dropped;
    std::vector<OutboxEntry> entries = other.m_entries;
    const std::int64_t other_paused_until_ms = other.m_paused_until_ms;

    m_acknowledged.insert(m_acknowledged.end(), acknowledged.begin(), acknowledged.end());
    m_dropped.insert(m_dropped.end(), dropped.begin(), dropped.end());
    bound_settled_lists();
    m_paused_until_ms = std::max(m_paused_until_ms, other_paused_until_ms);
    entries.insert(entries.end(), m_entries.begin(), m_entries.end());
    (void)adopt_entries(std::move(entries)); // copies of one event in two tabs are expected
}

const OutboxEntry* FeedbackOutbox::find(std::string_view client_id) const {
    const std::optional<std::string> id = protocol::canonical_uuid(client_id);
    if (!id)
        return nullptr;
    for (const OutboxEntry& entry : m_entries) {
        if (entry.client_id == *id)
            return &entry;
    }
    return nullptr;
}

bool FeedbackOutbox::in_flight(std::string_view client_id) const {
    const std::optional<std::string> id = protocol::canonical_uuid(client_id);
    return id && is_leased(*id);
}

OutboxEntry* FeedbackOutbox::find_mutable(std::string_view client_id) {
    // The entry is ours to change: only the lookup is shared with the const find().
    return const_cast<OutboxEntry*>(std::as_const(*this).find(client_id));
}

bool FeedbackOutbox::is_leased(std::string_view canonical_id) const {
    return std::any_of(m_leases.begin(), m_leases.end(),
                       [&](const Lease& lease) { return lease.client_id == canonical_id; });
}

bool FeedbackOutbox::is_settled(std::string_view client_id) const {
    return std::any_of(m_acknowledged.begin(), m_acknowledged.end(),
                       [&](const AcknowledgedId& record) { return record.client_id == client_id; }) ||
           std::any_of(m_dropped.begin(), m_dropped.end(),
                       [&](const DroppedEntry& record) { return record.client_id == client_id; });
}

void FeedbackOutbox::release_lease(std::string_view client_id) {
    m_leases.erase(std::remove_if(m_leases.begin(), m_leases.end(),
                                  [&](const Lease& lease) { return lease.client_id == client_id; }),
                   m_leases.end());
}

void FeedbackOutbox::release_expired_leases(std::int64_t now_ms) {
    m_leases.erase(std::remove_if(m_leases.begin(), m_leases.end(),
                                  [&](const Lease& lease) { return lease.until_ms <= now_ms; }),
                   m_leases.end());
}

void FeedbackOutbox::remove_entry(std::size_t index) {
    release_lease(m_entries[index].client_id);
    m_total_body_bytes -= m_entries[index].body.size();
    m_entries.erase(m_entries.begin() + static_cast<std::ptrdiff_t>(index));
}

void FeedbackOutbox::record_dropped(const OutboxEntry& entry, std::string error_id, std::int64_t at_ms) {
    m_dropped.push_back(
        DroppedEntry{entry.client_id, entry.kind, std::move(error_id), detail::non_negative(at_ms)});
    bound_settled_lists();
}

void FeedbackOutbox::drop_expired(std::int64_t now_ms) {
    const std::int64_t oldest_kept_ms = saturating_add(now_ms, -m_limits.max_age_ms);
    for (std::size_t i = m_entries.size(); i-- > 0;) {
        if (m_entries[i].created_at_ms < oldest_kept_ms) {
            record_dropped(m_entries[i], std::string(detail::k_error_expired), now_ms);
            remove_entry(i);
            ++m_counters.expired;
        }
    }
}

std::size_t FeedbackOutbox::make_room(bool room_for_one, std::size_t extra_bytes,
                                      std::optional<std::int64_t> now_ms) {
    const auto over_capacity = [&] {
        const std::size_t count = m_entries.size() + (room_for_one ? 1 : 0);
        return count > m_limits.max_entries ||
               m_total_body_bytes + extra_bytes > m_limits.max_total_body_bytes;
    };
    std::size_t evicted = 0;
    while (!m_entries.empty() && over_capacity()) {
        const OutboxEntry& oldest = m_entries.front();
        record_dropped(oldest, std::string(detail::k_error_evicted), now_ms.value_or(oldest.created_at_ms));
        remove_entry(0);
        ++evicted;
    }
    m_counters.evicted += evicted;
    return evicted;
}

std::size_t FeedbackOutbox::adopt_entries(std::vector<OutboxEntry> entries) {
    std::sort(entries.begin(), entries.end(), [](const OutboxEntry& a, const OutboxEntry& b) {
        if (a.client_id != b.client_id)
            return a.client_id < b.client_id;
        return preferred_copy(a, b);
    });
    const auto duplicates_begin =
        std::unique(entries.begin(), entries.end(),
                    [](const OutboxEntry& a, const OutboxEntry& b) { return a.client_id == b.client_id; });
    const auto duplicates = static_cast<std::size_t>(entries.end() - duplicates_begin);
    entries.erase(duplicates_begin, entries.end());
    entries.erase(std::remove_if(entries.begin(), entries.end(),
                                 [&](const OutboxEntry& entry) { return is_settled(entry.client_id); }),
                  entries.end());
    std::sort(entries.begin(), entries.end(), created_earlier);

    m_entries = std::move(entries);
    m_total_body_bytes = 0;
    for (const OutboxEntry& entry : m_entries)
        m_total_body_bytes += entry.body.size();
    m_leases.erase(std::remove_if(m_leases.begin(), m_leases.end(),
                                  [&](const Lease& lease) {
                                      return std::none_of(m_entries.begin(), m_entries.end(),
                                                          [&](const OutboxEntry& entry) {
                                                              return entry.client_id == lease.client_id;
                                                          });
                                  }),
                   m_leases.end());
    (void)make_room(false, 0, std::nullopt);
    return duplicates;
}

void FeedbackOutbox::bound_settled_lists() {
    keep_newest_per_id(m_dropped, m_limits.max_dropped);
    keep_newest_per_id(m_acknowledged, m_limits.max_acknowledged);
}

} // namespace support::feedback
