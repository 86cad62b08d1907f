#pragma once
// The chat bot of every site the server serves: while a conversation is with it (state bot), each
// shopper message is answered from the site's FAQ in the conversation's locale (locale_tag.h's
// fallback, as the content API chooses) — with an article, or by handing the conversation to a
// person (shared/core/chat/bot_reply.h decides which). A handoff says whether staff were online,
// so the widget tells the shopper honestly what happens next: "someone will answer shortly", or
// "leave your email and we will reply".
//
// The indexes are built once at start (content does not change while the server runs) and only
// read afterwards: safe from any thread.

#include "server/chat/staff_presence.h"
#include "server/content/content_api.h"
#include "server/storage/chat_record.h"
#include "shared/core/chat/bot_reply.h"
#include "shared/core/search/search_index.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::server {

class ChatBot {
  public:
    // `presence` may be null: nobody is ever online.
    ChatBot(const std::vector<SiteContent>& sites, std::shared_ptr<const StaffPresence> presence,
            chat::BotPolicy policy = {});

    // The bot's turn after the shopper's `message` in `conversation` (its events before the
    // message in `earlier`): its answer (author bot, client id "bot-" + the message's seq, the
    // article), a handoff, or nothing. Only while the conversation is with the bot.
    std::optional<chat::ChatEvent> respond(const StoredConversation& conversation,
                                           const std::vector<chat::ChatEvent>& earlier,
                                           const chat::ChatMessage& message, std::int64_t now_ms) const;

    // A handoff the shopper asked for (the widget's "Talk to a person" or "No" to "did that
    // answer your question?"), with whether someone is online.
    chat::ChatEvent handoff(chat::HandoffReason reason, std::int64_t now_ms) const;

  private:
    struct Site {
        std::string name;
        std::vector<std::string> locales;         // of `indexes`, in the same order
        std::vector<search::SearchIndex> indexes; // one per locale
    };

    const search::SearchIndex* index_for(std::string_view site, std::string_view locale) const;

    std::vector<Site> m_sites;
    std::shared_ptr<const StaffPresence> m_presence;
    chat::BotPolicy m_policy;
};

} // namespace support::server
