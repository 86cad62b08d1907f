#pragma once
// A conversation as the widget saves it, so a reload (and, with the session issue, another tab)
// shows the same transcript, the messages still waiting to be sent, and where the stream resumes:
//
//   {"v":1,"state":"agent","agent":"Dana","last_seq":12,
//    "messages":[{"cid":"c-1","seq":3,"author":"shopper","label":"","text":"Where is my order?",
//                 "written":1764800000000,"stored":1764800000120,"status":"sent"}, …],
//    "csat":{"score":5,"comment":"Quick, thanks","given":1764800900000}}
//
// Reading checks everything the model promises (acknowledged messages in seq order before the
// pending ones, client ids unique, a rating only once closed): anything else — another version,
// truncated JSON, a foreign value — is an error value the caller answers by starting clean, never a
// crash and never a half-read transcript.

#include "shared/core/chat/conversation.h"
#include "shared/core/result.h"

#include <string>
#include <string_view>

namespace support::chat {

inline constexpr int k_saved_conversation_version = 1;
inline constexpr std::size_t k_max_saved_messages = 1000;
inline constexpr std::size_t k_max_saved_bytes = 1024 * 1024;

std::string serialize_conversation(const Conversation& conversation);
// Errors: chat.saved.too_large, chat.saved.invalid_json, chat.saved.unsupported_version (field
// "v"), chat.saved.bad_shape (field: the JSON pointer at fault).
Result<Conversation> parse_conversation(std::string_view text);

} // namespace support::chat
