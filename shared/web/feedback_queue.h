#pragma once
// Hands feedback events to the outbox (feedback_outbox.mjs, imported on first use), which keeps
// each in localStorage until support-server acknowledges it and retries with backoff across
// reloads and offline periods. The core builds the event (shared/core/protocol) and lets go. Events
// earlier pages left unsent are the loader's to resume (widget/loader/feedback_spots.mjs), core or not.

#include <array>
#include <cstdint>
#include <string>

namespace support::web {

// `body`: one encoded feedback submission, with its client id. A held event (hold_ms > 0) is kept
// at once but sent only after hold_ms or when the page is left; queuing its client id again
// replaces it (the "No" that waited for its comment, now with it).
void queue_feedback(const std::string& body, int hold_ms = 0);
// Fetches the outbox ahead of the first event (a view where feedback may be given is shown), so an
// event is kept in localStorage the moment it is queued.
void prepare_feedback();

// 16 bytes from crypto.getRandomValues, for client ids.
std::array<std::uint8_t, 16> random_bytes_16();

} // namespace support::web
