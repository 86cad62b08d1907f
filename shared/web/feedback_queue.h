#pragma once
// Hands feedback events to the outbox (feedback_outbox.mjs, imported on first use), which keeps
// each in localStorage until support-server acknowledges it and retries with backoff across
// reloads and offline periods. The core builds the event (shared/core/protocol) and lets go. Events
// earlier pages left unsent are the loader's to resume (widget/loader/feedback_spots.mjs), core or not.

#include <array>
#include <cstdint>
#include <string>

namespace support::web {

// `body`: one encoded feedback submission, with its client id.
void queue_feedback(const std::string& body);
// Fetches the outbox ahead of the first event (a view where feedback may be given is shown), so an
// event is kept in localStorage the moment it is queued.
void prepare_feedback();

// 16 bytes from crypto.getRandomValues, for client ids.
std::array<std::uint8_t, 16> random_bytes_16();

} // namespace support::web
