#pragma once
// The answers the shopper's and the staff's chat APIs share: storing an event and announcing it,
// and the errors of both, so the two sides answer a refused message, a closed conversation or a
// store that is down in the same words.

#include "server/chat/chat_fan_out.h"
#include "server/http/http_message.h"
#include "server/storage/storage.h"

namespace support::server {

// 503 with Retry-After for storage.read_failed / storage.write_failed and the like.
HttpResponse storage_unavailable(const Error& error);

// Announces that `typist` is typing in the conversation (to the other side's streams) and answers
// 204.
HttpResponse typing_response(ChatFanOut& fan_out, const StoredConversation& conversation, chat::Author typist,
                             std::string label);

// Stores `event` in the conversation (numbered, durable), announces it to the conversation's
// streams, and answers what the store did:
//   Message:  201 {"client_id","seq","stored_ms","duplicate":false}; a repeat of a stored client id
//             200 with the first answer (duplicate: true), unless its text differs: 409
//             api.chat.client_id_reused
//   others:   200 the stored event (protocol/chat_wire.h)
//   refused by the conversation's state: 409 chat.state.* / chat.agent.*; a message the model
//   refuses: 400 chat.message.*; the store down: 503.
HttpResponse stored_event_response(Storage& storage, ChatFanOut& fan_out,
                                   const StoredConversation& conversation, chat::ChatEvent event);

// The two halves of stored_event_response, for a caller with work between them (the bot's turn):
// store and announce; then answer what the store did with `sent` (the event as asked for).
Result<AppendedChatEvent> store_and_announce(Storage& storage, ChatFanOut& fan_out,
                                             const StoredConversation& conversation, chat::ChatEvent event);
HttpResponse stored_event_response(const Result<AppendedChatEvent>& appended, const chat::ChatEvent& sent);

} // namespace support::server
