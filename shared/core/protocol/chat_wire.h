#pragma once
// Chat on the wire, written once for the widget, the console and the server.
//
// An event of a conversation's stream: the `data:` of one Server-Sent Event, whose `id:` is seq.
//   {"seq":5,"kind":"message","at_ms":…,"message":{"client_id":"a-9f…","author":"agent",
//    "label":"Dana","text":"Hi, I'm Dana.","written_ms":…}}
//   {"seq":2,"kind":"message","at_ms":…,"message":{"client_id":"bot-1","author":"bot","label":"",
//    "text":"How do I return an item?\n\nYou have 30 days …","written_ms":…,"article":"returns"}}
//   {"seq":3,"kind":"handed_off","at_ms":…,"reason":"shopper_asked","staff_online":true}
//   {"seq":4,"kind":"agent_joined","at_ms":…,"agent":"Dana"}
//   {"seq":6,"kind":"closed","at_ms":…}
//
// A message the shopper (or an agent) sends: POST …/conversations/{id}/messages
//   {"client_id":"6f1c…","text":"Where is my order?","written_ms":…}
// and the server's answer, 201 the first time and 200 with the same seq for every repeat:
//   {"client_id":"6f1c…","seq":7,"stored_ms":…,"duplicate":false}
//
// Opening a conversation: POST …/conversations
//   {"locale":"he","context":{…},"journey":[…]}   (context: context_snapshot.h, journey: journey_wire.h;
//   optional)
// and the server's answer, 201:
//   {"id":"…","token":"…","state":"bot","last_seq":0}
// The token is the shopper's key to the conversation (Authorization: Bearer TOKEN); the server
// keeps only its digest, so it is shown once, here.
//
// Decoding errors name the field (its JSON pointer): api.chat_event.*, api.chat_message.*,
// api.chat_receipt.* (invalid_json, missing_field, wrong_type, too_long, out_of_range, and
// unknown_kind, unknown_author, unknown_reason, bad_client_id, and empty for text that is only
// white space; an empty string is a missing_field, as everywhere on this API).

#include "shared/core/chat/conversation.h"
#include "shared/core/protocol/context_snapshot.h"
#include "shared/core/protocol/journey_wire.h"
#include "shared/core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace support::protocol {

// A conversation's id and its shopper's token as the server makes them (random, base64url) fit.
inline constexpr std::size_t k_max_conversation_id_bytes = 64;
inline constexpr std::size_t k_max_conversation_token_bytes = 64;

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

// Someone typing, as the other side's stream shows it ("event: typing", no id: it is not stored):
//   {"author":"agent","label":"Dana"}      {"author":"shopper"}
struct ChatTyping {
    chat::Author author = chat::Author::Shopper;
    std::string label; // an agent's name as the shopper sees it
    bool operator==(const ChatTyping&) const = default;
};

std::string encode_chat_typing(const ChatTyping& typing);
// Errors: api.chat_typing.* (missing_field, wrong_type, unknown_author, too_long).
Result<ChatTyping> decode_chat_typing(std::string_view body);

// The shopper asks for a person: POST …/conversations/{id}/handoff
//   {"reason":"shopper_asked"}   ("Talk to a person")     {"reason":"not_helpful"}   ("No" to the bot)
// answered 200 with the stored handed_off event (its staff_online says what happens next).
struct HandoffRequest {
    chat::HandoffReason reason = chat::HandoffReason::ShopperAsked; // never bot_not_confident: the bot's own
    bool operator==(const HandoffRequest&) const = default;
};
std::string encode_handoff_request(const HandoffRequest& request);
// Errors: api.chat_handoff.* (invalid_json, missing_field, wrong_type, unknown_reason).
Result<HandoffRequest> decode_handoff_request(std::string_view body);

// Where to reply when nobody was online: POST …/conversations/{id}/reply-email {"email":"noa@example.com"}
// answered 204. Errors: api.chat_reply_email.* (missing_field, wrong_type, too_long, invalid_email).
std::string encode_reply_email(std::string_view email);
Result<std::string> decode_reply_email(std::string_view body);

struct ConversationStart {
    std::string locale; // a language tag ("he", "pt-BR")
    std::optional<ContextSnapshot> context;
    std::vector<JourneyStep> journey; // what the shopper tried before (journey_wire.h)
    std::string shopper_key;          // as in FeedbackSubmission: what 'forget' names later
    bool operator==(const ConversationStart&) const = default;
};

std::string encode_conversation_start(const ConversationStart& start);
// Errors: api.chat_start.* (invalid_json, wrong_type, missing_field, invalid_locale, and the
// context's own, e.g. at /context/page/url).
Result<ConversationStart> decode_conversation_start(std::string_view body);

struct ConversationOpened {
    std::string id;
    std::string token;
    chat::ConversationState state = chat::ConversationState::Bot;
    std::uint64_t last_seq = 0;
    bool operator==(const ConversationOpened&) const = default;
};

std::string encode_conversation_opened(const ConversationOpened& opened);
// Errors: api.chat_opened.* (missing_field, wrong_type, unknown_state, out_of_range).
Result<ConversationOpened> decode_conversation_opened(std::string_view body);

} // namespace support::protocol
