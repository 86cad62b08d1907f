#include "server/chat/chat_bot.h"

#include "shared/core/content/locale_tag.h"
#include "shared/core/content/markdown.h"
#include "shared/core/search/page_match.h"

#include <algorithm>

namespace support::server {

namespace {

// What the bot said before in the conversation: the articles it gave, and whether its last word
// (the last event) was an answer still waiting for "did that answer your question?".
chat::BotMemory memory_of(const std::vector<chat::ChatEvent>& earlier) {
    chat::BotMemory memory;
    for (const chat::ChatEvent& event : earlier) {
        const bool answer = event.kind == chat::ChatEvent::Kind::Message &&
                            event.message.author == chat::Author::Bot && !event.message.article_id.empty();
        if (answer)
            memory.offered_articles.push_back(event.message.article_id);
        memory.awaiting_verdict = answer;
    }
    return memory;
}

} // namespace

ChatBot::ChatBot(const std::vector<SiteContent>& sites, std::shared_ptr<const StaffPresence> presence,
                 chat::BotPolicy policy)
    : m_presence(std::move(presence)), m_policy(policy) {
    for (const SiteContent& content : sites) {
        Site site{content.site, {}, {}};
        std::vector<std::vector<search::SearchableArticle>> by_locale;
        for (const content::Article& article : content.articles) {
            auto known =
                std::find_if(site.locales.begin(), site.locales.end(), [&](const std::string& locale) {
                    return content::same_locale(locale, article.locale);
                });
            if (known == site.locales.end()) {
                site.locales.push_back(article.locale);
                by_locale.emplace_back();
                known = site.locales.end() - 1;
            }
            by_locale[static_cast<std::size_t>(known - site.locales.begin())].push_back(
                search::SearchableArticle{article.id, article.locale, article.title,
                                          content::to_plain_text(content::parse_markdown(article.body)),
                                          article.tags, article.synonyms, article.pages, article.products});
        }
        for (std::size_t i = 0; i < site.locales.size(); ++i)
            site.indexes.push_back(search::SearchIndex::build(std::move(by_locale[i])));
        m_sites.push_back(std::move(site));
    }
}

const search::SearchIndex* ChatBot::index_for(std::string_view site_name, std::string_view locale) const {
    const auto site =
        std::find_if(m_sites.begin(), m_sites.end(), [&](const Site& s) { return s.name == site_name; });
    if (site == m_sites.end())
        return nullptr;
    const auto chosen = content::closest_locale(site->locales, locale);
    return chosen ? &site->indexes[*chosen] : nullptr;
}

chat::ChatEvent ChatBot::handoff(chat::HandoffReason reason, std::int64_t now_ms) const {
    chat::ChatEvent event;
    event.kind = chat::ChatEvent::Kind::HandedOff;
    event.reason = reason;
    event.staff_online = m_presence && m_presence->anyone_online();
    event.at_ms = now_ms;
    return event;
}

std::optional<chat::ChatEvent> ChatBot::respond(const StoredConversation& conversation,
                                                const std::vector<chat::ChatEvent>& earlier,
                                                const chat::ChatMessage& message, std::int64_t now_ms) const {
    if (conversation.state != chat::ConversationState::Bot || message.author != chat::Author::Shopper)
        return std::nullopt;
    const search::SearchIndex* index = index_for(conversation.site, conversation.locale);
    if (!index) // a site without help articles: every question is for a person
        return handoff(chat::HandoffReason::BotNotConfident, now_ms);
    search::PageContext page;
    page.path = std::string(search::url_path(conversation.page_url));
    const chat::BotReply reply =
        chat::decide_bot_reply(*index, message.text, page, memory_of(earlier), m_policy);
    switch (reply.kind) {
    case chat::BotReply::Kind::Quiet:
        return std::nullopt;
    case chat::BotReply::Kind::HandOff:
        return handoff(reply.reason, now_ms);
    case chat::BotReply::Kind::Answer:
        break;
    }
    chat::ChatEvent answer;
    answer.kind = chat::ChatEvent::Kind::Message;
    answer.at_ms = now_ms;
    answer.message.client_id = "bot-" + std::to_string(message.seq);
    answer.message.author = chat::Author::Bot;
    answer.message.article_id = index->article(reply.article).id;
    answer.message.text = chat::bot_answer_text(*index, reply.article, message.text);
    answer.message.written_ms = now_ms;
    return answer;
}

} // namespace support::server
