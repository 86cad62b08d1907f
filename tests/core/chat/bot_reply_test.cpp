// The bot on a small fixed store FAQ: which questions it answers, with what, and when it hands
// the conversation to a person.
#include "catch_amalgamated.hpp"
#include "shared/core/chat/bot_reply.h"

using namespace support::chat;
using support::search::PageContext;
using support::search::SearchableArticle;
using support::search::SearchIndex;

namespace {

SearchableArticle article(std::string id, std::string title, std::string body) {
    SearchableArticle a;
    a.id = std::move(id);
    a.language = "en";
    a.title = std::move(title);
    a.body_text = std::move(body);
    return a;
}

SearchIndex store_faq() {
    return SearchIndex::build({
        article("returns", "How do I return an item?",
                "You have 30 days to return an item. Print the free return label from your order page and "
                "drop the parcel at any post office. The refund reaches your card within 5 days."),
        article("shipping-times", "How long does delivery take?",
                "Standard delivery takes 3 to 5 working days. Express delivery arrives the next working day "
                "when you order before 2 pm."),
        article(
            "gift-cards", "Can I pay with a gift card?",
            "Enter the gift card code at checkout. A gift card never expires and can pay part of an order."),
        article("password-reset", "I forgot my password",
                "Choose Forgot password on the sign-in page; we email you a link that works for one hour."),
        article("size-guide", "Which jacket size should I choose?",
                "Measure your chest and compare it with the size chart on the product page. Between two "
                "sizes, take the larger one."),
    });
}

std::string answer_id(const SearchIndex& index, std::string_view question, const BotMemory& memory = {}) {
    const BotReply reply = decide_bot_reply(index, question, PageContext{}, memory);
    return reply.kind == BotReply::Kind::Answer ? index.article(reply.article).id : "";
}

} // namespace

TEST_CASE("The bot answers a question the FAQ covers with the article that covers it") {
    const SearchIndex index = store_faq();
    CHECK(answer_id(index, "How do I return an item?") == "returns");
    CHECK(answer_id(index, "how long is delivery") == "shipping-times");
    CHECK(answer_id(index, "can i pay with a gift card") == "gift-cards");
    CHECK(answer_id(index, "forgot my pasword") == "password-reset"); // a typo
}

TEST_CASE("The bot hands off what the FAQ does not answer instead of guessing") {
    const SearchIndex index = store_faq();
    for (const char* question : {"do you sell helicopters", "my parcel arrived wet and the box was torn open",
                                 "hello", "¿dónde está mi pedido?"}) {
        INFO(question);
        const BotReply reply = decide_bot_reply(index, question, PageContext{}, {});
        CHECK(reply.kind == BotReply::Kind::HandOff);
        CHECK(reply.reason == HandoffReason::BotNotConfident);
    }
}

TEST_CASE("A stricter policy answers less: the threshold decides") {
    const SearchIndex index = store_faq();
    BotPolicy strict;
    strict.min_coverage = 1.01f;
    strict.min_coverage_with_lead = 1.01f;
    strict.min_title_coverage = 1.01f;
    const BotReply reply = decide_bot_reply(index, "how long is delivery", PageContext{}, {}, strict);
    CHECK(reply.kind == BotReply::Kind::HandOff);
    CHECK(reply.reason == HandoffReason::BotNotConfident);
}

// Three articles that all speak of returning items, as a real shop's do: asked in the first one's
// title words, the question matches it best but by less than twice the runner-up, and "how do I"
// counts for little in its coverage.
std::vector<SearchableArticle> returning_items() {
    return {
        article("returns", "How do I return an item?",
                "Print the free label from your order page and drop the parcel at any post office within 30 "
                "days. The refund reaches your card within 5 days."),
        article("exchange", "Can I exchange an item for a different size?",
                "Yes. Start a return for the item you have and place a new order for the size you need; the "
                "return is free."),
        article("restock", "When will an item be back in stock?",
                "Most items return to stock within two weeks. Choose Notify me on the item's page."),
        article("shipping", "How long does delivery take?", "Standard delivery takes 3 to 5 working days."),
    };
}

TEST_CASE("A question asked in the words of an article's title gets that article, function words aside") {
    const SearchIndex index = SearchIndex::build(returning_items());
    const auto hits = index.rank("How do I return an item?", PageContext{}, 2);
    REQUIRE(hits.size() == 2);
    REQUIRE(hits[0].coverage < BotPolicy{}.min_coverage); // the other measures are not sure…
    REQUIRE(hits[0].score < BotPolicy{}.clear_lead * hits[1].score);
    CHECK(answer_id(index, "How do I return an item?") == "returns"); // …the title is
    const SearchIndex store = store_faq();
    CHECK(answer_id(store, "Which jacket size should I choose?") == "size-guide");
    CHECK(answer_id(store, "I forgot my password") == "password-reset");
}

TEST_CASE("An article tied to the page does not make the bot unsure of a question another answers") {
    std::vector<SearchableArticle> articles = returning_items();
    articles[1].pages = {"/product.html"}; // the exchange article is this page's, and its product's
    articles[1].products = {"NW-TR2"};
    const SearchIndex index = SearchIndex::build(articles);
    PageContext page;
    page.path = "/product.html";
    page.product_sku = "NW-TR2";
    const auto boosted = index.rank("How do I return an item?", page, 2);
    REQUIRE(boosted[0].score < BotPolicy{}.title_lead * boosted[1].score); // the boost narrows the lead
    const BotReply reply = decide_bot_reply(index, "How do I return an item?", page, {});
    REQUIRE(reply.kind == BotReply::Kind::Answer);
    CHECK(index.article(reply.article).id == "returns");
}

TEST_CASE("Asking for a person hands off at once, even with a question the FAQ answers") {
    const SearchIndex index = store_faq();
    const BotReply reply =
        decide_bot_reply(index, "I want to talk to a person about my return", PageContext{}, {});
    CHECK(reply.kind == BotReply::Kind::HandOff);
    CHECK(reply.reason == HandoffReason::ShopperAsked);
}

TEST_CASE("A no to the bot's answer hands off; a thanks leaves the bot quiet") {
    const SearchIndex index = store_faq();
    BotMemory after_answer;
    after_answer.offered_articles = {"returns"};
    after_answer.awaiting_verdict = true;
    const BotReply no = decide_bot_reply(index, "no", PageContext{}, after_answer);
    CHECK(no.kind == BotReply::Kind::HandOff);
    CHECK(no.reason == HandoffReason::NotHelpful);
    CHECK(decide_bot_reply(index, "thanks!", PageContext{}, after_answer).kind == BotReply::Kind::Quiet);
}

TEST_CASE("The same article is not offered twice: asking again means it did not help") {
    const SearchIndex index = store_faq();
    BotMemory memory;
    memory.offered_articles = {"returns"};
    const BotReply reply = decide_bot_reply(index, "how to return an item", PageContext{}, memory);
    CHECK(reply.kind == BotReply::Kind::HandOff);
    CHECK(reply.reason == HandoffReason::NotHelpful);
    CHECK(answer_id(index, "how long does delivery take", memory) == "shipping-times");
}

TEST_CASE("The bot's answer text is the title and the part of the article that matches the question") {
    const SearchIndex index = store_faq();
    const std::string text = bot_answer_text(index, 1, "express delivery");
    CHECK(text.rfind("How long does delivery take?\n\n", 0) == 0);
    CHECK(text.find("Express delivery arrives") != std::string::npos);
}
