#pragma once
// Conversations and their events as the store keeps them. A conversation is found by its id and
// its shopper by the SHA-256 digest of the conversation token (never the token itself); its events
// are numbered from 1 without gaps (the stream's event ids), and a message's client id is unique
// in it, so a repeated POST is answered with the event stored the first time.

#include "shared/core/chat/conversation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace support::server {

struct NewConversation {
    std::string id; // random, unguessable (server/chat makes it)
    std::string site;
    std::string token_digest;
    std::string locale;
    std::string page_url;
    std::int64_t created_at_ms = 0;
    std::string context_json = "{}"; // protocol::encode_context_snapshot of what the page knew
    std::string shopper_digest;      // token_digest of the browser's shopper key, "" without one
};

struct StoredConversation {
    std::string id;
    std::string site;
    std::string token_digest;
    std::string locale;
    std::string page_url;
    chat::ConversationState state = chat::ConversationState::Bot;
    std::string agent_label;
    std::uint64_t last_seq = 0;
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;
    std::string reply_email;         // left by the shopper for a reply when nobody was online; empty: none
    std::string context_json = "{}"; // what the page knew when the chat began (context_snapshot.h)

    bool operator==(const StoredConversation&) const = default;
};

// An event to number and store: its seq is the store's to give (the conversation's last + 1).
struct ChatEventDraft {
    std::string conversation_id;
    chat::ChatEvent event; // seq ignored
};

struct AppendedChatEvent {
    chat::ChatEvent event;  // as stored, with its seq
    bool duplicate = false; // a message whose client id was stored already: the first one
};

} // namespace support::server
