#pragma once
// What the chat bot does with a shopper's message while the conversation is with it (state bot):
// answer with a help article, hand the conversation to a person, or stay quiet.
//
//   "Can I talk to someone?"         → hand off (ShopperAsked)
//   "no" after an answer             → hand off (NotHelpful)
//   "thanks" after an answer         → quiet
//   a question the FAQ answers well  → the best article
//   a question it does not           → hand off (BotNotConfident)
//   the article given before, again  → hand off (NotHelpful): it did not help the first time
//
// "Answers well": the best hit matches at least `min_coverage` of the question's weight
// (search::SearchHit::coverage: rare words weigh most, stop words little); or at least
// `min_coverage_with_lead` of its content words while it scores `clear_lead` times the runner-up
// or more (one article stands out); or its title names the question's content words while it
// leads by `title_lead` (a question asked in the FAQ's own words). The defaults were tuned on the
// judged queries of ../shared/eval/search with `./scripts/bench bot` (docs/chat.md): 93 % of the
// answers given are right, 1 in 42 questions the FAQ does not cover gets one.
//
// Pure: the index is built by the caller (the server, per site and locale).

#include "shared/core/chat/conversation.h"
#include "shared/core/search/search_index.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support::chat {

struct BotPolicy {
    float min_coverage = 0.75f;
    float min_coverage_with_lead = 0.5f; // of the question's content words
    float clear_lead = 2.0f;             // best score ÷ the runner-up's
    float min_title_coverage = 1.0f; // the best hit's title names this much of the question's content words
    float title_lead = 1.2f;         // …while it scores this many times the runner-up
};

struct BotReply {
    enum class Kind : std::uint8_t { Answer, HandOff, Quiet };
    Kind kind = Kind::Quiet;
    std::uint32_t article = 0;                          // Answer: index into the search index
    HandoffReason reason = HandoffReason::ShopperAsked; // HandOff
};

// What the bot said before in this conversation.
struct BotMemory {
    std::vector<std::string> offered_articles; // ids, in the order offered
    bool awaiting_verdict = false;             // the last message is the bot's answer: "did that help?"
};

BotReply decide_bot_reply(const search::SearchIndex& index, std::string_view message,
                          const search::PageContext& page, const BotMemory& memory, BotPolicy policy = {});

// The text of the bot's answer, as the transcript keeps it: the article's title, a blank line and
// its snippet for the question (search::SearchIndex::highlight), at most k_max_message_bytes.
std::string bot_answer_text(const search::SearchIndex& index, std::uint32_t article,
                            std::string_view question);

} // namespace support::chat
