#include "server/storage/sqlite_chat.h"

#include <string>

namespace support::server::sqlite_chat {

namespace {

using chat::ChatEvent;

constexpr const char* k_conversation_columns =
    "id, site, token_digest, locale, page_url, state, agent_label, last_seq, created_at_ms, updated_at_ms, "
    "reply_email, context";
constexpr const char* k_event_columns = "seq, kind, client_id, author, author_label, text, written_at_ms, "
                                        "reason, at_ms, article_id, staff_online";

Result<StoredConversation> read_conversation(const SqliteStatement& row) {
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

Result<ChatEvent> read_event(const SqliteStatement& row) {
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

Result<std::optional<ChatEvent>> find_message(SqliteConnection& db, std::string_view conversation_id,
                                              std::string_view client_id) {
    SW_TRY(auto statement, db.prepare(std::string("SELECT ") + k_event_columns +
                                      " FROM chat_events WHERE conversation_id = ?1 AND client_id = ?2"));
    statement.bind(1, conversation_id);
    statement.bind(2, client_id);
    SW_TRY(bool row, statement.step());
    if (!row)
        return std::optional<ChatEvent>();
    SW_TRY(auto event, read_event(statement));
    return std::optional(std::move(event));
}

Result<AppendedChatEvent> append_in_transaction(SqliteConnection& db, const ChatEventDraft& draft) {
    SW_TRY(auto found, find(db, draft.conversation_id));
    if (!found)
        return make_error("storage.no_conversation", "no conversation has this id", "conversation_id");
    const ChatEvent& wanted = draft.event;
    if (wanted.kind == ChatEvent::Kind::Message) {
        SW_TRY(auto stored, find_message(db, draft.conversation_id, wanted.message.client_id));
        if (stored)
            return AppendedChatEvent{std::move(*stored), true};
    }
    // The model decides whether the event applies in the conversation's state; the store numbers it.
    chat::Conversation conversation =
        chat::Conversation::restore(found->state, found->agent_label, found->last_seq, {}, std::nullopt);
    ChatEvent event = wanted;
    event.seq = found->last_seq + 1;
    if (event.kind == ChatEvent::Kind::Message)
        chat::stamp_stored(event);
    SW_TRY(bool applied, conversation.apply(event));
    (void)applied;

    SW_TRY(auto insert,
           db.prepare("INSERT INTO chat_events (conversation_id, seq, kind, client_id, author, "
                      "author_label, text, written_at_ms, reason, at_ms, article_id, "
                      "staff_online) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
    insert.bind(1, draft.conversation_id);
    insert.bind(2, static_cast<std::int64_t>(event.seq));
    insert.bind(3, chat::event_kind_name(event.kind));
    const bool message = event.kind == ChatEvent::Kind::Message;
    if (message) {
        insert.bind(4, event.message.client_id);
        insert.bind(5, chat::author_name(event.message.author));
        insert.bind(6, event.message.author_label);
        insert.bind(7, event.message.text);
        insert.bind(8, event.message.written_ms);
    } else {
        insert.bind_null(4);
        insert.bind_null(5);
        insert.bind(6, event.kind == ChatEvent::Kind::AgentJoined ? std::string_view(event.agent_label) : "");
        insert.bind(7, std::string_view());
        insert.bind(8, std::int64_t{0});
    }
    if (event.kind == ChatEvent::Kind::HandedOff)
        insert.bind(9, chat::handoff_reason_name(event.reason));
    else
        insert.bind_null(9);
    insert.bind(10, event.at_ms);
    insert.bind(11, message ? std::string_view(event.message.article_id) : std::string_view());
    insert.bind(12, std::int64_t{event.kind == ChatEvent::Kind::HandedOff && event.staff_online ? 1 : 0});
    SW_TRY(bool unused_row, insert.step());
    (void)unused_row;

    SW_TRY(auto update, db.prepare("UPDATE conversations SET state = ?2, agent_label = ?3, last_seq = ?4, "
                                   "updated_at_ms = ?5 WHERE id = ?1"));
    update.bind(1, draft.conversation_id);
    update.bind(2, chat::state_name(conversation.state()));
    update.bind(3, conversation.agent_label());
    update.bind(4, static_cast<std::int64_t>(event.seq));
    update.bind(5, event.at_ms);
    SW_TRY(bool unused_update_row, update.step());
    (void)unused_update_row;
    return AppendedChatEvent{std::move(event), false};
}

} // namespace

Result<StoredConversation> create(SqliteConnection& db, const NewConversation& conversation) {
    SW_TRY(auto existing, find(db, conversation.id));
    if (existing)
        return make_error("storage.conversation_exists", "a conversation with this id exists already", "id");
    SW_TRY(auto insert,
           db.prepare("INSERT INTO conversations (id, site, token_digest, locale, page_url, state, "
                      "created_at_ms, updated_at_ms, context, shopper_digest) "
                      "VALUES (?1, ?2, ?3, ?4, ?5, 'bot', ?6, ?6, ?7, ?8)"));
    insert.bind(1, conversation.id);
    insert.bind(2, conversation.site);
    insert.bind(3, conversation.token_digest);
    insert.bind(4, conversation.locale);
    insert.bind(5, conversation.page_url);
    insert.bind(6, conversation.created_at_ms);
    insert.bind(7, conversation.context_json);
    insert.bind(8, conversation.shopper_digest);
    SW_TRY(bool unused_row, insert.step());
    (void)unused_row;
    // As the store keeps it: what find() reads is what every later call sees.
    SW_TRY(auto stored, find(db, conversation.id));
    if (!stored)
        return make_error("storage.write_failed", "the conversation was not stored");
    return std::move(*stored);
}

Result<std::optional<StoredConversation>> find(SqliteConnection& db, std::string_view id) {
    SW_TRY(auto statement,
           db.prepare(std::string("SELECT ") + k_conversation_columns + " FROM conversations WHERE id = ?1"));
    statement.bind(1, id);
    SW_TRY(bool row, statement.step());
    if (!row)
        return std::optional<StoredConversation>();
    SW_TRY(auto conversation, read_conversation(statement));
    return std::optional(std::move(conversation));
}

Result<std::vector<StoredConversation>> list(SqliteConnection& db, std::string_view site,
                                             std::span<const chat::ConversationState> states,
                                             std::size_t limit) {
    if (states.empty())
        return std::vector<StoredConversation>();
    std::string placeholders;
    for (std::size_t i = 0; i < states.size(); ++i)
        placeholders += (i ? ", ?" : "?") + std::to_string(i + 3);
    // conversations_by_state (site, state, updated_at_ms) serves each state's part of the list.
    SW_TRY(auto statement, db.prepare(std::string("SELECT ") + k_conversation_columns +
                                      " FROM conversations WHERE site = ?1 AND state IN (" + placeholders +
                                      ") ORDER BY updated_at_ms DESC, id LIMIT ?2"));
    statement.bind(1, site);
    statement.bind(2, static_cast<std::int64_t>(limit));
    for (std::size_t i = 0; i < states.size(); ++i)
        statement.bind(static_cast<int>(i + 3), chat::state_name(states[i]));
    std::vector<StoredConversation> conversations;
    for (;;) {
        SW_TRY(bool row, statement.step());
        if (!row)
            break;
        SW_TRY(auto conversation, read_conversation(statement));
        conversations.push_back(std::move(conversation));
    }
    return conversations;
}

Result<void> set_reply_email(SqliteConnection& db, std::string_view conversation_id, std::string_view email,
                             std::int64_t at_ms) {
    SW_TRY(auto update,
           db.prepare("UPDATE conversations SET reply_email = ?2, updated_at_ms = MAX(updated_at_ms, "
                      "?3) WHERE id = ?1"));
    update.bind(1, conversation_id);
    update.bind(2, email);
    update.bind(3, at_ms);
    SW_TRY(bool unused_row, update.step());
    (void)unused_row;
    if (db.changes() == 0)
        return make_error("storage.no_conversation", "no conversation has this id", "conversation_id");
    return ok();
}

Result<AppendedChatEvent> append(SqliteConnection& db, const ChatEventDraft& draft) {
    return in_transaction(db, [&] { return append_in_transaction(db, draft); });
}

Result<std::vector<chat::ChatEvent>> events_after(SqliteConnection& db, std::string_view conversation_id,
                                                  std::uint64_t after_seq, std::size_t limit) {
    SW_TRY(auto statement, db.prepare(std::string("SELECT ") + k_event_columns +
                                      " FROM chat_events WHERE conversation_id = ?1 AND seq > ?2 "
                                      "ORDER BY seq LIMIT ?3"));
    statement.bind(1, conversation_id);
    statement.bind(2, static_cast<std::int64_t>(after_seq));
    statement.bind(3, static_cast<std::int64_t>(limit));
    std::vector<chat::ChatEvent> events;
    for (;;) {
        SW_TRY(bool row, statement.step());
        if (!row)
            break;
        SW_TRY(auto event, read_event(statement));
        events.push_back(std::move(event));
    }
    return events;
}

} // namespace support::server::sqlite_chat
