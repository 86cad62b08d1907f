#pragma once
// The chat tables (schema_migrations.cpp, migrations 4 and 5) in SQL: each function runs on a connection
// the caller owns — SqliteStorage gives reads a reader and writes its staff writer (small,
// synchronous writes, durable when they return: an acknowledged message survives a crash).

#include "server/storage/chat_record.h"
#include "server/storage/sqlite_connection.h"
#include "shared/core/result.h"

#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace support::server::sqlite_chat {

Result<StoredConversation> create(SqliteConnection& db, const NewConversation& conversation);
Result<std::optional<StoredConversation>> find(SqliteConnection& db, std::string_view id);
// The site's conversations in one of `states`, most recently active first (at most `limit`): the
// filter is in the query, so a crowd of conversations in other states never hides these.
Result<std::vector<StoredConversation>> list(SqliteConnection& db, std::string_view site,
                                             std::span<const chat::ConversationState> states,
                                             std::size_t limit);
// In one transaction: checks the event against the conversation's state (shared/core/chat), gives
// it the next seq, stores it and the conversation's new state.
Result<AppendedChatEvent> append(SqliteConnection& db, const ChatEventDraft& draft);
// Errors: storage.no_conversation.
Result<void> set_reply_email(SqliteConnection& db, std::string_view conversation_id, std::string_view email,
                             std::int64_t at_ms);
Result<std::vector<chat::ChatEvent>> events_after(SqliteConnection& db, std::string_view conversation_id,
                                                  std::uint64_t after_seq, std::size_t limit);

} // namespace support::server::sqlite_chat
