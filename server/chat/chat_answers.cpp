#include "server/chat/chat_answers.h"

#include "server/http/json_error.h"
#include "shared/core/protocol/chat_wire.h"

namespace support::server {

namespace {

constexpr const char* k_retry_after_seconds = "2";

} // namespace

HttpResponse storage_unavailable(const Error& error) {
    auto response = error_response(503, error);
    response.set_header("Retry-After", k_retry_after_seconds);
    return response;
}

HttpResponse typing_response(ChatFanOut& fan_out, const StoredConversation& conversation, chat::Author typist,
                             std::string label) {
    fan_out.publish(ChatNotice::typing(conversation.site, conversation.id, typist, std::move(label)));
    HttpResponse response;
    response.status = 204;
    response.set_header("Cache-Control", "no-store");
    return response;
}

Result<AppendedChatEvent> store_and_announce(Storage& storage, ChatFanOut& fan_out,
                                             const StoredConversation& conversation, chat::ChatEvent event) {
    auto appended = storage.append_chat_event(ChatEventDraft{conversation.id, std::move(event)});
    if (appended && !appended->duplicate)
        fan_out.publish(ChatNotice::stored(conversation.site, conversation.id, appended->event));
    return appended;
}

HttpResponse stored_event_response(const Result<AppendedChatEvent>& appended, const chat::ChatEvent& sent) {
    if (!appended) {
        const std::string& code = appended.error().code;
        if (code.starts_with("chat.message."))
            return error_response(400, appended.error());
        if (code.starts_with("chat."))
            return error_response(409, appended.error());
        return storage_unavailable(appended.error());
    }
    const chat::ChatEvent& stored = appended->event;
    if (sent.kind != chat::ChatEvent::Kind::Message)
        return json_response(200, protocol::encode_chat_event(stored));
    if (appended->duplicate &&
        (stored.message.text != sent.message.text || stored.message.author != sent.message.author))
        return error_response(409, make_error("api.chat.client_id_reused",
                                              "this client_id was sent before with another message; use a "
                                              "new id",
                                              "/client_id"));
    return json_response(appended->duplicate ? 200 : 201,
                         protocol::encode_chat_message_receipt(protocol::ChatMessageReceipt{
                             stored.message.client_id, stored.seq, stored.at_ms, appended->duplicate}));
}

HttpResponse stored_event_response(Storage& storage, ChatFanOut& fan_out,
                                   const StoredConversation& conversation, chat::ChatEvent event) {
    const chat::ChatEvent sent = event;
    return stored_event_response(store_and_announce(storage, fan_out, conversation, std::move(event)), sent);
}

} // namespace support::server
