#include "shared/core/chat/bot_reply.h"

#include "shared/core/chat/shopper_intent.h"
#include "shared/core/text/utf8.h"

#include <algorithm>

namespace support::chat {

namespace {

BotReply hand_off(HandoffReason reason) {
    BotReply reply;
    reply.kind = BotReply::Kind::HandOff;
    reply.reason = reason;
    return reply;
}

bool offered_before(const BotMemory& memory, std::string_view id) {
    return std::find(memory.offered_articles.begin(), memory.offered_articles.end(), id) !=
           memory.offered_articles.end();
}

bool confident(const search::SearchIndex& index, std::string_view question,
               const std::vector<search::SearchHit>& hits, const BotPolicy& policy) {
    if (hits.empty())
        return false;
    const search::SearchHit& best = hits.front();
    if (best.coverage >= policy.min_coverage)
        return true;
    const float lead = hits.size() < 2 ? 1e9f : best.score / std::max(hits[1].score, 1e-9f);
    if (best.content_coverage >= policy.min_coverage_with_lead && lead >= policy.clear_lead)
        return true;
    // Asked in the words of the article's title ("How do I return an item?"), the function words
    // that coverage barely counts aside.
    return lead >= policy.title_lead &&
           index.title_coverage(question, best.article) >= policy.min_title_coverage;
}

} // namespace

BotReply decide_bot_reply(const search::SearchIndex& index, std::string_view message,
                          const search::PageContext& page, const BotMemory& memory, BotPolicy policy) {
    switch (read_intent(message)) {
    case ShopperIntent::WantsPerson:
        return hand_off(HandoffReason::ShopperAsked);
    case ShopperIntent::Declines:
        if (memory.awaiting_verdict)
            return hand_off(HandoffReason::NotHelpful);
        break; // a "no" to nothing: read as a question (and most likely handed off)
    case ShopperIntent::Thanks:
        return BotReply{}; // quiet: nothing to add to a "yes" or a "thanks"
    case ShopperIntent::Question:
        break;
    }
    // The page's own articles rank higher, which settles a close call ("how do I return this" on a
    // product page) but also narrows a clear one's lead; either ranking being sure is enough.
    std::vector<search::SearchHit> hits = index.rank(message, page, 2);
    if (!confident(index, message, hits, policy)) {
        hits = index.rank(message, search::PageContext{}, 2);
        if (!confident(index, message, hits, policy))
            return hand_off(HandoffReason::BotNotConfident);
    }
    if (offered_before(memory, index.article(hits.front().article).id))
        return hand_off(HandoffReason::NotHelpful);
    BotReply reply;
    reply.kind = BotReply::Kind::Answer;
    reply.article = hits.front().article;
    return reply;
}

std::string bot_answer_text(const search::SearchIndex& index, std::uint32_t article,
                            std::string_view question) {
    search::SearchHit hit;
    hit.article = article;
    index.highlight(question, hit);
    const search::SearchableArticle& source = index.article(article);
    std::string text = source.title;
    if (hit.snippet.end > hit.snippet.begin) {
        text += "\n\n";
        if (hit.snippet.begin > 0)
            text += "… ";
        text.append(source.body_text, hit.snippet.begin, hit.snippet.end - hit.snippet.begin);
        if (hit.snippet.end < source.body_text.size())
            text += " …";
    }
    return std::string(text::truncate_utf8(text, k_max_message_bytes));
}

} // namespace support::chat
