#pragma once
// The chat tables (postgres_schema.cpp, migrations 4 to 6) in PostgreSQL, on a pooled session the
// caller borrowed. Appending locks the conversation's row (SELECT … FOR UPDATE), so instances
// appending to one conversation at once number its events one after the other.

#include "server/storage/chat_record.h"
#include "server/storage/postgres_connection.h"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace support::server::postgres_chat {

Result<StoredConversation> create(PostgresSession& db, const NewConversation& conversation);
Result<std::optional<StoredConversation>> find(PostgresSession& db, std::string_view id);
Result<std::vector<StoredConversation>> list(PostgresSession& db, std::string_view site,
                                             std::span<const chat::ConversationState> states,
                                             std::size_t limit);
Result<AppendedChatEvent> append(PostgresSession& db, const ChatEventDraft& draft);
// Errors: storage.no_conversation.
Result<void> set_reply_email(PostgresSession& db, std::string_view conversation_id, std::string_view email,
                             std::int64_t at_ms);
Result<std::vector<chat::ChatEvent>> events_after(PostgresSession& db, std::string_view conversation_id,
                                                  std::uint64_t after_seq, std::size_t limit);

} // namespace support::server::postgres_chat
