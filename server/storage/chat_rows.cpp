#include "server/storage/chat_rows.h"

namespace support::server::chat_rows {

using chat::ChatEvent;

EventColumns event_columns(const ChatEvent& event) {
    EventColumns columns;
    columns.seq = static_cast<std::int64_t>(event.seq);
    columns.kind = std::string(chat::event_kind_name(event.kind));
    if (event.kind == ChatEvent::Kind::Message) {
        columns.client_id = event.message.client_id;
        columns.author = std::string(chat::author_name(event.message.author));
        columns.author_label = event.message.author_label;
        columns.text = event.message.text;
        columns.written_at_ms = event.message.written_ms;
        columns.article_id = event.message.article_id;
    } else if (event.kind == ChatEvent::Kind::AgentJoined) {
        columns.author_label = event.agent_label;
    }
    if (event.kind == ChatEvent::Kind::HandedOff) {
        columns.reason = std::string(chat::handoff_reason_name(event.reason));
        columns.staff_online = event.staff_online ? 1 : 0;
    }
    columns.at_ms = event.at_ms;
    return columns;
}

Result<NextChatEvent> next_chat_event(const StoredConversation& stored, const ChatEvent& wanted) {
    // The model decides whether the event applies in the conversation's state; the store numbers it.
    NextChatEvent next{wanted, chat::Conversation::restore(stored.state, stored.agent_label, stored.last_seq,
                                                           {}, std::nullopt)};
    next.event.seq = stored.last_seq + 1;
    if (next.event.kind == ChatEvent::Kind::Message)
        chat::stamp_stored(next.event);
    SW_TRY(bool applied, next.conversation.apply(next.event));
    (void)applied;
    return next;
}

} // namespace support::server::chat_rows
