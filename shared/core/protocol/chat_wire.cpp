#include "shared/core/protocol/chat_wire.h"

#include "shared/core/content/locale_tag.h"
#include "shared/core/protocol/feedback_submission.h"
#include "shared/core/protocol/shopper_key.h"
#include "shared/core/protocol/wire_fields.h"

#include <limits>
#include <optional>

namespace support::protocol {

namespace {

using chat::ChatEvent;
using nlohmann::json;

constexpr auto k_max_time = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t k_max_seq = std::numeric_limits<std::int64_t>::max();

Result<std::string> client_id_field(const WireObject& body) {
    SW_TRY(std::string id, body.string("client_id", Presence::Required, chat::k_max_client_id_bytes));
    if (!chat::is_client_id(id))
        return body.error("bad_client_id",
                          "client_id must be 1 to 64 letters, digits and - _ . :", "client_id");
    return id;
}

// A message's text: required, not only white space, at most the model's limit.
Result<std::string> text_field(const WireObject& body) {
    SW_TRY(std::string text, body.string("text", Presence::Required, chat::k_max_message_bytes));
    if (text.find_first_not_of(" \t\n\r\f\v") == std::string::npos)
        return body.error("empty", "text is empty", "text");
    return text;
}

} // namespace

std::string encode_chat_event(const ChatEvent& event) {
    json out = json::object();
    out["seq"] = event.seq;
    out["kind"] = chat::event_kind_name(event.kind);
    out["at_ms"] = event.at_ms;
    switch (event.kind) {
    case ChatEvent::Kind::Message:
        out["message"] = {{"client_id", event.message.client_id},
                          {"author", chat::author_name(event.message.author)},
                          {"label", event.message.author_label},
                          {"text", event.message.text},
                          {"written_ms", event.message.written_ms}};
        if (!event.message.article_id.empty())
            out["message"]["article"] = event.message.article_id;
        break;
    case ChatEvent::Kind::HandedOff:
        out["reason"] = chat::handoff_reason_name(event.reason);
        out["staff_online"] = event.staff_online;
        break;
    case ChatEvent::Kind::AgentJoined:
        out["agent"] = event.agent_label;
        break;
    case ChatEvent::Kind::Closed:
        break;
    }
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<ChatEvent> decode_chat_event(std::string_view text) {
    SW_TRY(json document, parse_wire_object(text, "api.chat_event"));
    const WireObject body(document, "", "api.chat_event");
    ChatEvent event;
    SW_TRY(auto seq, body.integer("seq", Presence::Required, 1, k_max_seq));
    event.seq = static_cast<std::uint64_t>(*seq);
    SW_TRY(auto at, body.integer("at_ms", Presence::Required, 0, k_max_time));
    event.at_ms = *at;
    SW_TRY(std::string kind_name, body.string("kind", Presence::Required, 32));
    const auto kind = chat::event_kind_from_name(kind_name);
    if (!kind)
        return body.error("unknown_kind", "kind \"" + kind_name + "\" is not a chat event this client knows",
                          "kind");
    event.kind = *kind;
    switch (event.kind) {
    case ChatEvent::Kind::Message: {
        SW_TRY(auto message, body.object("message", Presence::Required));
        SW_TRY(event.message.client_id, client_id_field(*message));
        SW_TRY(std::string author, message->string("author", Presence::Required, 16));
        const auto who = chat::author_from_name(author);
        if (!who)
            return message->error("unknown_author", "author \"" + author + "\" is not one this client knows",
                                  "author");
        event.message.author = *who;
        SW_TRY(event.message.author_label,
               message->string("label", Presence::Optional, chat::k_max_agent_name_bytes));
        SW_TRY(event.message.text, text_field(*message));
        SW_TRY(auto written, message->integer("written_ms", Presence::Required, 0, k_max_time));
        event.message.written_ms = *written;
        SW_TRY(event.message.article_id,
               message->string("article", Presence::Optional, chat::k_max_article_id_bytes));
        chat::stamp_stored(event);
        break;
    }
    case ChatEvent::Kind::HandedOff: {
        SW_TRY(std::string reason, body.string("reason", Presence::Required, 32));
        const auto why = chat::handoff_reason_from_name(reason);
        if (!why)
            return body.error("unknown_reason", "reason \"" + reason + "\" is not one this client knows",
                              "reason");
        event.reason = *why;
        SW_TRY(auto online, body.boolean("staff_online", Presence::Optional));
        event.staff_online = online.value_or(false);
        break;
    }
    case ChatEvent::Kind::AgentJoined: {
        SW_TRY(event.agent_label, body.string("agent", Presence::Required, chat::k_max_agent_name_bytes));
        if (event.agent_label.empty())
            return body.error("empty", "agent is empty", "agent");
        break;
    }
    case ChatEvent::Kind::Closed:
        break;
    }
    return event;
}

std::string encode_chat_message_post(const ChatMessagePost& post) {
    json out = {{"client_id", post.client_id}, {"text", post.text}, {"written_ms", post.written_ms}};
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<ChatMessagePost> decode_chat_message_post(std::string_view text) {
    SW_TRY(json document, parse_wire_object(text, "api.chat_message"));
    const WireObject body(document, "", "api.chat_message");
    ChatMessagePost post;
    SW_TRY(post.client_id, client_id_field(body));
    SW_TRY(post.text, text_field(body));
    SW_TRY(auto written, body.integer("written_ms", Presence::Required, 0, k_max_time));
    post.written_ms = *written;
    return post;
}

std::string encode_chat_message_receipt(const ChatMessageReceipt& receipt) {
    json out = {{"client_id", receipt.client_id},
                {"seq", receipt.seq},
                {"stored_ms", receipt.stored_ms},
                {"duplicate", receipt.duplicate}};
    return out.dump();
}

Result<ChatMessageReceipt> decode_chat_message_receipt(std::string_view text) {
    SW_TRY(json document, parse_wire_object(text, "api.chat_receipt"));
    const WireObject body(document, "", "api.chat_receipt");
    ChatMessageReceipt receipt;
    SW_TRY(receipt.client_id, client_id_field(body));
    SW_TRY(auto seq, body.integer("seq", Presence::Required, 1, k_max_seq));
    SW_TRY(auto stored, body.integer("stored_ms", Presence::Required, 0, k_max_time));
    SW_TRY(auto duplicate, body.boolean("duplicate", Presence::Optional));
    receipt.seq = static_cast<std::uint64_t>(*seq);
    receipt.stored_ms = *stored;
    receipt.duplicate = duplicate.value_or(false);
    return receipt;
}

std::string encode_chat_typing(const ChatTyping& typing) {
    json out = {{"author", chat::author_name(typing.author)}};
    if (!typing.label.empty())
        out["label"] = typing.label;
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<ChatTyping> decode_chat_typing(std::string_view text) {
    SW_TRY(json document, parse_wire_object(text, "api.chat_typing"));
    const WireObject body(document, "", "api.chat_typing");
    ChatTyping typing;
    SW_TRY(std::string author, body.string("author", Presence::Required, 16));
    const auto parsed = chat::author_from_name(author);
    if (!parsed)
        return body.error("unknown_author", "author \"" + author + "\" is not one this client knows",
                          "author");
    typing.author = *parsed;
    SW_TRY(typing.label, body.string("label", Presence::Optional, chat::k_max_agent_name_bytes));
    return typing;
}

std::string encode_handoff_request(const HandoffRequest& request) {
    json out = {{"reason", chat::handoff_reason_name(request.reason)}};
    return out.dump();
}

Result<HandoffRequest> decode_handoff_request(std::string_view text) {
    SW_TRY(json document, parse_wire_object(text, "api.chat_handoff"));
    const WireObject body(document, "", "api.chat_handoff");
    SW_TRY(std::string name, body.string("reason", Presence::Required, 32));
    const auto reason = chat::handoff_reason_from_name(name);
    if (!reason || *reason == chat::HandoffReason::BotNotConfident)
        return body.error("unknown_reason", "reason must be \"shopper_asked\" or \"not_helpful\"", "reason");
    return HandoffRequest{*reason};
}

std::string encode_reply_email(std::string_view email) {
    json out = {{"email", std::string(email)}};
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<std::string> decode_reply_email(std::string_view text) {
    SW_TRY(json document, parse_wire_object(text, "api.chat_reply_email"));
    const WireObject body(document, "", "api.chat_reply_email");
    SW_TRY(std::string email, body.string("email", Presence::Required, k_max_email_bytes));
    if (!is_reply_email(email))
        return body.error("invalid_email", "\"email\" must be an address such as name@example.com", "email");
    return email;
}

std::string encode_conversation_start(const ConversationStart& start) {
    json out = {{"locale", start.locale}};
    if (start.context)
        out["context"] = encode_context_snapshot(*start.context);
    if (!start.journey.empty())
        out["journey"] = encode_journey(start.journey);
    if (!start.shopper_key.empty())
        out["shopper_key"] = start.shopper_key;
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<ConversationStart> decode_conversation_start(std::string_view text) {
    SW_TRY(json document, parse_wire_object(text, "api.chat_start"));
    const WireObject body(document, "", "api.chat_start");
    ConversationStart start;
    SW_TRY(start.locale, body.string("locale", Presence::Required, content::k_max_locale_tag_bytes + 1));
    if (!content::is_locale_tag(start.locale))
        return body.error("invalid_locale", "\"locale\" must be a language tag such as en or pt-BR",
                          "locale");
    SW_TRY(auto context, body.object("context", Presence::Optional));
    if (context) {
        SW_TRY(start.context, decode_context_snapshot(*context));
    }
    SW_TRY(start.journey, decode_journey(body, "journey"));
    SW_TRY(start.shopper_key, decode_shopper_key(body));
    return start;
}

std::string encode_conversation_opened(const ConversationOpened& opened) {
    json out = {{"id", opened.id},
                {"token", opened.token},
                {"state", chat::state_name(opened.state)},
                {"last_seq", opened.last_seq}};
    return out.dump();
}

Result<ConversationOpened> decode_conversation_opened(std::string_view text) {
    SW_TRY(json document, parse_wire_object(text, "api.chat_opened"));
    const WireObject body(document, "", "api.chat_opened");
    ConversationOpened opened;
    SW_TRY(opened.id, body.string("id", Presence::Required, k_max_conversation_id_bytes));
    SW_TRY(opened.token, body.string("token", Presence::Required, k_max_conversation_token_bytes));
    SW_TRY(std::string state, body.string("state", Presence::Required, 16));
    const auto parsed_state = chat::state_from_name(state);
    if (!parsed_state)
        return body.error("unknown_state", "state \"" + state + "\" is not one this client knows", "state");
    opened.state = *parsed_state;
    SW_TRY(auto last_seq, body.integer("last_seq", Presence::Required, 0, k_max_seq));
    opened.last_seq = static_cast<std::uint64_t>(*last_seq);
    return opened;
}

} // namespace support::protocol
