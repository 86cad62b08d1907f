#pragma once
// How the chat tables' rows read back as conversations and events, and how the next event is
// decided, written once for every store: `Row` is anything with column_text(i), column_int(i) and
// column_is_null(i) (SqliteStatement, PostgresRow).

#include "server/storage/chat_record.h"
#include "shared/core/result.h"

#include <optional>
#include <string>

namespace support::server::chat_rows {

inline constexpr const char* k_conversation_columns =
    "id, site, token_digest, locale, page_url, state, agent_label, last_seq, created_at_ms, updated_at_ms, "
    "reply_email, context";
inline constexpr const char* k_event_columns = "seq, kind, client_id, author, author_label, text, "
                                               "written_at_ms, reason, at_ms, article_id, staff_online";

template <typename Row> Result<StoredConversation> read_conversation(const Row& row) {
    StoredConversation c;
    c.id = row.column_text(0);
    c.site = row.column_text(1);
    c.token_digest = row.column_text(2);
    c.locale = row.column_text(3);
    c.page_url = row.column_text(4);
    const auto state = chat::state_from_name(row.column_text(5));
    if (!state)
        return make_error("storage.read_failed", "conversation " + c.id + " has an unknown state");
    c.state = *state;
    c.agent_label = row.column_text(6);
    c.last_seq = static_cast<std::uint64_t>(row.column_int(7));
    c.created_at_ms = row.column_int(8);
    c.updated_at_ms = row.column_int(9);
    c.reply_email = row.column_text(10);
    c.context_json = row.column_text(11);
    return c;
}

template <typename Row> Result<chat::ChatEvent> read_event(const Row& row) {
    using chat::ChatEvent;
    ChatEvent event;
    event.seq = static_cast<std::uint64_t>(row.column_int(0));
    const auto kind = chat::event_kind_from_name(row.column_text(1));
    if (!kind)
        return make_error("storage.read_failed", "a chat event has an unknown kind");
    event.kind = *kind;
    event.at_ms = row.column_int(8);
    if (event.kind == ChatEvent::Kind::Message) {
        event.message.client_id = row.column_text(2);
        const auto author = chat::author_from_name(row.column_text(3));
        if (!author)
            return make_error("storage.read_failed", "a chat message has an unknown author");
        event.message.author = *author;
        event.message.author_label = row.column_text(4);
        event.message.text = row.column_text(5);
        event.message.written_ms = row.column_int(6);
        event.message.article_id = row.column_text(9);
        chat::stamp_stored(event);
    } else if (event.kind == ChatEvent::Kind::HandedOff) {
        const auto reason = chat::handoff_reason_from_name(row.column_text(7));
        if (!reason)
            return make_error("storage.read_failed", "a handoff has an unknown reason");
        event.reason = *reason;
        event.staff_online = row.column_int(10) != 0;
    } else if (event.kind == ChatEvent::Kind::AgentJoined) {
        event.agent_label = row.column_text(4);
    }
    return event;
}

// The columns of an event row beside its conversation id, in k_insert_event's order ($2…$12).
struct EventColumns {
    std::int64_t seq = 0;
    std::string kind;
    std::optional<std::string> client_id;
    std::optional<std::string> author;
    std::string author_label;
    std::string text;
    std::int64_t written_at_ms = 0;
    std::optional<std::string> reason;
    std::int64_t at_ms = 0;
    std::string article_id;
    std::int64_t staff_online = 0;
};
EventColumns event_columns(const chat::ChatEvent& event);

// What appending `wanted` to `stored` makes: the event numbered (last seq + 1) and the conversation
// in its new state; chat.* when the model refuses the event in the conversation's state.
struct NextChatEvent {
    chat::ChatEvent event;
    chat::Conversation conversation;
};
Result<NextChatEvent> next_chat_event(const StoredConversation& stored, const chat::ChatEvent& wanted);

} // namespace support::server::chat_rows
