#pragma once
// Chat on the wire, written once for the widget, the console and the server.
//
// An event of a conversation's stream: the `data:` of one Server-Sent Event, whose `id:` is seq.
//   {"seq":5,"kind":"message","at_ms":…,"message":{"client_id":"a-9f…","author":"agent",
//    "label":"Dana","text":"Hi, I'm Dana.","written_ms":…}}
//   {"seq":3,"kind":"handed_off","at_ms":…,"reason":"shopper_asked"}
//   {"seq":4,"kind":"agent_joined","at_ms":…,"agent":"Dana"}
//   {"seq":6,"kind":"closed","at_ms":…}
//
// A message the shopper (or an agent) sends: POST …/conversations/{id}/messages
//   {"client_id":"6f1c…","text":"Where is my order?","written_ms":…}
// and the server's answer, 201 the first time and 200 with the same seq for every repeat:
//   {"client_id":"6f1c…","seq":7,"stored_ms":…,"duplicate":false}
//
// Decoding errors name the field (its JSON pointer): api.chat_event.*, api.chat_message.*,
// api.chat_receipt.* (invalid_json, missing_field, wrong_type, too_long, out_of_range, and
// unknown_kind, unknown_author, unknown_reason, bad_client_id, and empty for text that is only
// white space; an empty string is a missing_field, as everywhere on this API).

#include "shared/core/chat/conversation.h"
#include "shared/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace support::protocol {

std::string encode_chat_event(const chat::ChatEvent& event);
Result<chat::ChatEvent> decode_chat_event(std::string_view body);

struct ChatMessagePost {
    std::string client_id;
    std::string text;
    std::int64_t written_ms = 0;
    bool operator==(const ChatMessagePost&) const = default;
};
std::string encode_chat_message_post(const ChatMessagePost& post);
Result<ChatMessagePost> decode_chat_message_post(std::string_view body);

struct ChatMessageReceipt {
    std::string client_id;
    std::uint64_t seq = 0;
    std::int64_t stored_ms = 0;
    bool duplicate = false; // this request repeated one already stored
    bool operator==(const ChatMessageReceipt&) const = default;
};
std::string encode_chat_message_receipt(const ChatMessageReceipt& receipt);
Result<ChatMessageReceipt> decode_chat_message_receipt(std::string_view body);

} // namespace support::protocol
