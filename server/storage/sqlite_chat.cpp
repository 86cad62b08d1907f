#include "server/storage/sqlite_chat.h"

#include "server/storage/chat_rows.h"

#include <string>

namespace support::server::sqlite_chat {

namespace {

using chat::ChatEvent;
using chat_rows::k_conversation_columns;
using chat_rows::k_event_columns;
using chat_rows::read_conversation;
using chat_rows::read_event;

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
    SW_TRY(auto next, chat_rows::next_chat_event(*found, wanted));
    const chat_rows::EventColumns columns = chat_rows::event_columns(next.event);
    SW_TRY(auto insert,
           db.prepare("INSERT INTO chat_events (conversation_id, seq, kind, client_id, author, "
                      "author_label, text, written_at_ms, reason, at_ms, article_id, "
                      "staff_online) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
    insert.bind(1, draft.conversation_id);
    insert.bind(2, columns.seq);
    insert.bind(3, columns.kind);
    insert.bind_optional(4, columns.client_id);
    insert.bind_optional(5, columns.author);
    insert.bind(6, columns.author_label);
    insert.bind(7, columns.text);
    insert.bind(8, columns.written_at_ms);
    insert.bind_optional(9, columns.reason);
    insert.bind(10, columns.at_ms);
    insert.bind(11, columns.article_id);
    insert.bind(12, columns.staff_online);
    SW_TRY(bool unused_row, insert.step());
    (void)unused_row;

    SW_TRY(auto update, db.prepare("UPDATE conversations SET state = ?2, agent_label = ?3, last_seq = ?4, "
                                   "updated_at_ms = ?5 WHERE id = ?1"));
    update.bind(1, draft.conversation_id);
    update.bind(2, chat::state_name(next.conversation.state()));
    update.bind(3, next.conversation.agent_label());
    update.bind(4, columns.seq);
    update.bind(5, columns.at_ms);
    SW_TRY(bool unused_update_row, update.step());
    (void)unused_update_row;
    return AppendedChatEvent{std::move(next.event), false};
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
