#pragma once
// A conversation's live stream (GET …/events), for the shopper or an agent: what the store holds
// after the seq the client resumes from, then each event as it is stored, in seq order, each once.
//
//   SW_TRY(auto stream, open_conversation_stream(storage, fan_out, conversation, after_seq,
//                                                 StreamViewer::Shopper));
//   HttpResponse response = event_stream_head();  response.stream_body = stream;
//
// Subscribes before it reads the backlog, so nothing stored meanwhile is missed; a notice at or
// below the last seq sent is dropped, one that skips ahead (a notice lost, or one carrying only the
// seq) is filled in from the store. Each event goes out as "id: SEQ" + the event's JSON
// (protocol/chat_wire.h), so a client that reconnects with Last-Event-ID gets exactly what it
// missed; a Last-Event-ID past the conversation's last event (a client that kept another store's
// numbers) reads as that last event, so what is stored next still reaches it. The other side's typing goes
// out as an "event: typing" without an id. When the store cannot be read the stream ends, and the client's
// reconnect tries again.

#include "server/chat/chat_fan_out.h"
#include "server/http/response_stream.h"
#include "server/storage/storage.h"

#include <cstdint>
#include <memory>

namespace support::server {

enum class StreamViewer : std::uint8_t { Shopper, Staff };

// How long EventSource waits before it reconnects a dropped stream ("retry:").
inline constexpr std::int64_t k_stream_retry_ms = 2'000;

// Errors: storage.read_failed.
Result<std::shared_ptr<ResponseStream>> open_conversation_stream(std::shared_ptr<Storage> storage,
                                                                 ChatFanOut& fan_out,
                                                                 const StoredConversation& conversation,
                                                                 std::uint64_t after_seq, StreamViewer viewer,
                                                                 ResponseStreamOptions options = {});

} // namespace support::server
