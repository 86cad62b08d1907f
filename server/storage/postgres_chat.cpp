#include "server/storage/postgres_chat.h"

#include "server/storage/chat_rows.h"

#include <string>

namespace support::server::postgres_chat {

namespace {

using chat::ChatEvent;
using chat_rows::k_conversation_columns;
using chat_rows::k_event_columns;

std::string text(std::string_view value) {
    return std::string(value);
}

Result<std::optional<StoredConversation>> find_in(PostgresSession& db, pqxx::transaction_base& tx,
                                                  std::string_view id, bool for_update) {
    const pqxx::result rows =
        db.exec(tx,
                std::string("SELECT ") + k_conversation_columns + " FROM conversations WHERE id = $1" +
                    (for_update ? " FOR UPDATE" : ""),
                text(id));
    if (rows.empty())
        return std::optional<StoredConversation>();
    SW_TRY(auto conversation, chat_rows::read_conversation(PostgresRow(rows[0])));
    return std::optional(std::move(conversation));
}

Result<AppendedChatEvent> append_in(PostgresSession& db, pqxx::transaction_base& tx,
                                    const ChatEventDraft& draft) {
    SW_TRY(auto found, find_in(db, tx, draft.conversation_id, true));
    if (!found)
        return make_error("storage.no_conversation", "no conversation has this id", "conversation_id");
    const ChatEvent& wanted = draft.event;
    if (wanted.kind == ChatEvent::Kind::Message) {
        const pqxx::result stored =
            db.exec(tx,
                    std::string("SELECT ") + k_event_columns +
                        " FROM chat_events WHERE conversation_id = $1 AND client_id = $2",
                    draft.conversation_id, wanted.message.client_id);
        if (!stored.empty()) {
            SW_TRY(auto event, chat_rows::read_event(PostgresRow(stored[0])));
            return AppendedChatEvent{std::move(event), true};
        }
    }
    SW_TRY(auto next, chat_rows::next_chat_event(*found, wanted));
    const chat_rows::EventColumns c = chat_rows::event_columns(next.event);
    db.exec(tx,
            "INSERT INTO chat_events (conversation_id, seq, kind, client_id, author, author_label, text, "
            "written_at_ms, reason, at_ms, article_id, staff_online) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
            draft.conversation_id, c.seq, c.kind, c.client_id, c.author, c.author_label, c.text,
            c.written_at_ms, c.reason, c.at_ms, c.article_id, c.staff_online);
    db.exec(tx,
            "UPDATE conversations SET state = $2, agent_label = $3, last_seq = $4, updated_at_ms = $5 WHERE "
            "id = $1",
            draft.conversation_id, text(chat::state_name(next.conversation.state())),
            next.conversation.agent_label(), c.seq, c.at_ms);
    return AppendedChatEvent{std::move(next.event), false};
}

} // namespace

Result<StoredConversation> create(PostgresSession& db, const NewConversation& conversation) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<StoredConversation> {
        const auto added =
            db.exec(tx,
                    "INSERT INTO conversations (id, site, token_digest, locale, page_url, state, "
                    "created_at_ms, updated_at_ms, context, shopper_digest) "
                    "VALUES ($1, $2, $3, $4, $5, 'bot', $6, $6, $7, $8) ON CONFLICT (id) DO NOTHING",
                    conversation.id, conversation.site, conversation.token_digest, conversation.locale,
                    conversation.page_url, conversation.created_at_ms, conversation.context_json,
                    conversation.shopper_digest)
                .affected_rows();
        if (added == 0)
            return make_error("storage.conversation_exists", "a conversation with this id exists already",
                              "id");
        // As the store keeps it: what find() reads is what every later call sees.
        SW_TRY(auto stored, find_in(db, tx, conversation.id, false));
        if (!stored)
            return make_error("storage.write_failed", "the conversation was not stored");
        return std::move(*stored);
    });
}

Result<std::optional<StoredConversation>> find(PostgresSession& db, std::string_view id) {
    pqxx::read_transaction tx(db.connection());
    return find_in(db, tx, id, false);
}

Result<std::vector<StoredConversation>> list(PostgresSession& db, std::string_view site,
                                             std::span<const chat::ConversationState> states,
                                             std::size_t limit) {
    std::vector<StoredConversation> conversations;
    if (states.empty())
        return conversations;
    std::string names = "{";
    for (std::size_t i = 0; i < states.size(); ++i)
        names += (i ? "," : "") + std::string(chat::state_name(states[i]));
    names += "}";
    pqxx::read_transaction tx(db.connection());
    const pqxx::result rows = db.exec(tx,
                                      std::string("SELECT ") + k_conversation_columns +
                                          " FROM conversations WHERE site = $1 AND state = ANY($3::text[]) "
                                          "ORDER BY updated_at_ms DESC, id LIMIT $2",
                                      text(site), static_cast<std::int64_t>(limit), names);
    for (const pqxx::row& row : rows) {
        SW_TRY(auto conversation, chat_rows::read_conversation(PostgresRow(row)));
        conversations.push_back(std::move(conversation));
    }
    return conversations;
}

Result<AppendedChatEvent> append(PostgresSession& db, const ChatEventDraft& draft) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) { return append_in(db, tx, draft); });
}

Result<void> set_reply_email(PostgresSession& db, std::string_view conversation_id, std::string_view email,
                             std::int64_t at_ms) {
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<void> {
        const auto changed = db.exec(tx,
                                     "UPDATE conversations SET reply_email = $2, "
                                     "updated_at_ms = GREATEST(updated_at_ms, $3) WHERE id = $1",
                                     text(conversation_id), text(email), at_ms)
                                 .affected_rows();
        if (changed == 0)
            return make_error("storage.no_conversation", "no conversation has this id", "conversation_id");
        return ok();
    });
}

Result<std::vector<chat::ChatEvent>> events_after(PostgresSession& db, std::string_view conversation_id,
                                                  std::uint64_t after_seq, std::size_t limit) {
    pqxx::read_transaction tx(db.connection());
    const pqxx::result rows = db.exec(tx,
                                      std::string("SELECT ") + k_event_columns +
                                          " FROM chat_events WHERE conversation_id = $1 AND seq > $2 "
                                          "ORDER BY seq LIMIT $3",
                                      text(conversation_id), static_cast<std::int64_t>(after_seq),
                                      static_cast<std::int64_t>(limit));
    std::vector<chat::ChatEvent> events;
    events.reserve(rows.size());
    for (const pqxx::row& row : rows) {
        SW_TRY(auto event, chat_rows::read_event(PostgresRow(row)));
        events.push_back(std::move(event));
    }
    return events;
}

} // namespace support::server::postgres_chat
