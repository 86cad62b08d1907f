#include "catch_amalgamated.hpp"
#include "shared/core/search/search_index.h"
#include "shared/core/text/fold_for_search.h"
#include "shared/core/text/stop_words.h"

#include <string>

using namespace support::search;

namespace {

SearchableArticle article(std::string id, std::string language, std::string title, std::string body) {
    SearchableArticle a;
    a.id = std::move(id);
    a.language = std::move(language);
    a.title = std::move(title);
    a.body_text = std::move(body);
    return a;
}

SearchIndex store_help() {
    std::vector<SearchableArticle> articles{
        article("return-policy", "en", "What is your return policy?",
                "You can return unworn items within 60 days for a full refund."),
        article("shipping-costs", "en", "How much does shipping cost?",
                "Standard shipping is free on orders over $75. Express shipping costs $14.95."),
        article("international", "en", "Do you ship internationally?",
                "We deliver to Canada, the UK and the EU. Duties are paid at checkout."),
        article("coupons", "en", "How do I use a coupon code?",
                "Enter the code in the Coupon code field on the cart page and press Apply."),
        article("size-guide", "en", "Which shoe size should I order?",
                "The Trail Runner 2 runs true to size. Measure your foot in the evening."),
    };
    articles[3].pages = {"/cart.html"};
    articles[3].synonyms = {"promo code", "discount voucher"};
    articles[4].products = {"NW-TR2-GRN", "category:footwear"};
    articles[4].tags = {"sizing", "fit"};
    return SearchIndex::build(std::move(articles));
}

std::string first_id(const SearchIndex& index, std::string_view query, const PageContext& page = {}) {
    const auto hits = index.search(query, page, 10);
    return hits.empty() ? std::string("(none)") : index.article(hits[0].article).id;
}

} // namespace

TEST_CASE("A misspelled query still finds the article (retrn polcy)") {
    const SearchIndex index = store_help();
    CHECK(first_id(index, "retrn polcy") == "return-policy");
    CHECK(first_id(index, "shiping cost") == "shipping-costs");
    CHECK(first_id(index, "internatoinaly") == "international"); // 14 letters: two edits allowed
}

TEST_CASE("Words under five letters get no typo tolerance") {
    const SearchIndex index = store_help();
    CHECK(index.search("fiet ", {}, 10).empty()); // one edit from "feet"/"fit", but only 4 letters
}

TEST_CASE("The word being typed matches as a prefix; a finished word does not") {
    const SearchIndex index = store_help();
    CHECK(first_id(index, "internat") == "international");
    CHECK(index.search("internat ", {}, 10).empty()); // the space says the word is complete
}

TEST_CASE("Stemming meets the forms of a word") {
    const SearchIndex index = store_help();
    CHECK(first_id(index, "returning unworn shoes") == "return-policy");
    CHECK(first_id(index, "measuring feet") == "size-guide");
}

TEST_CASE("Synonyms and tags written by the site owner are searched") {
    const SearchIndex index = store_help();
    CHECK(first_id(index, "promo") == "coupons");
    CHECK(first_id(index, "sizing ") == "size-guide");
}

TEST_CASE("Articles tied to the current page or product rank higher and are suggested") {
    const SearchIndex index = store_help();
    // The coupon article is tied to the cart page: the same query scores it higher there.
    PageContext cart{"/cart.html", "", {}};
    const auto on_cart = index.search("coupon", cart, 10);
    const auto elsewhere = index.search("coupon", {}, 10);
    REQUIRE_FALSE(on_cart.empty());
    REQUIRE_FALSE(elsewhere.empty());
    CHECK(on_cart[0].score > elsewhere[0].score * 1.2f);
    CHECK(index.suggestions_for(cart, 5) == std::vector<std::uint32_t>{3});
    PageContext shoe{"/product.html", "nw-tr2-grn", {}};
    CHECK(index.suggestions_for(shoe, 5) == std::vector<std::uint32_t>{4});
    PageContext category{"/x", "", {"Footwear"}};
    CHECK(index.suggestions_for(category, 5) == std::vector<std::uint32_t>{4});
    CHECK(index.suggestions_for(PageContext{"/about", "", {}}, 5).empty());

    const auto both = SearchIndex::build({article("a", "en", "Delivery times", "Orders leave in a day."),
                                          article("b", "en", "Delivery times", "Orders leave in a day.")});
    SearchableArticle tied = article("c", "en", "Delivery times", "Orders leave in a day.");
    tied.pages = {"/cart.html"};
    const auto with_tie =
        SearchIndex::build({article("a", "en", "Delivery times", "Orders leave in a day."), tied});
    CHECK(with_tie.search("delivery", cart, 10)[0].article == 1);
    CHECK(both.search("delivery", cart, 10)[0].article == 0); // no tie: the earlier article on a tie
}

TEST_CASE("Empty, blank and unknown queries give no hits") {
    const SearchIndex index = store_help();
    CHECK(index.search("", {}, 10).empty());
    CHECK(index.search("  ?! ", {}, 10).empty());
    CHECK(index.search("zxqv kettlebell sponsorship", {}, 10).empty());
}

TEST_CASE("A query covering the article is confident, a stray word is not") {
    const SearchIndex index = store_help();
    const auto good = index.search("return policy", {}, 10);
    REQUIRE_FALSE(good.empty());
    CHECK(good[0].confident);
    // Half the question in one article, half in another: each is a hit, neither confident.
    const auto partial = index.search("refund coupon", {}, 10);
    REQUIRE(partial.size() == 2);
    CHECK_FALSE(partial[0].confident);
    CHECK_FALSE(partial[1].confident);
}

TEST_CASE("Words no article knows outweigh a common word matched beside them: no answer") {
    const SearchIndex index = store_help();
    // "refund" alone cannot answer what the unknown words ask.
    CHECK(index.search("kettlebell sponsorship refund", {}, 10).empty());
    CHECK(index.search("do you sell helicopters", {}, 10).empty());
    CHECK(index.search("can i buy a helicopter", {}, 10).empty());
    // Unless the one word names the article in its title: asked about orders, the sizing article
    // whose title says "order" stays.
    CHECK(first_id(index, "can i order a helicopter") == "size-guide");
    // Known words that outweigh one unknown word still answer.
    CHECK(first_id(index, "zorbex shoe size order") == "size-guide");
}

TEST_CASE("Stop words alone never make a hit and are never highlighted") {
    const SearchIndex index = store_help();
    // "how", "do", "I" appear in many titles; "use" and "coupon" are what is asked.
    const auto hits = index.search("how do i use a coupon", {}, 10);
    REQUIRE(hits.size() == 1);
    CHECK(index.article(hits[0].article).id == "coupons");
    const std::string& title = index.article(hits[0].article).title;
    std::vector<std::string> marked;
    for (const ByteRange& range : hits[0].title_highlights)
        marked.push_back(title.substr(range.begin, range.end - range.begin));
    CHECK(marked == std::vector<std::string>{"use", "coupon"}); // not "How", "do", "I"

    // A question of stop words only still finds what it can (it is all the shopper typed).
    CHECK_FALSE(index.search("how do i", {}, 10).empty());
}

TEST_CASE("Stop words of Hebrew, Arabic and Persian are recognised after folding") {
    using support::text::fold_for_search;
    using support::text::is_stop_word;
    using support::text::Language;
    CHECK(is_stop_word(Language::English, fold_for_search("You")));
    CHECK_FALSE(is_stop_word(Language::English, fold_for_search("sell")));
    CHECK(is_stop_word(Language::Hebrew, fold_for_search("שֶׁל"))); // with niqqud
    CHECK_FALSE(is_stop_word(Language::Hebrew, fold_for_search("החזרה")));
    CHECK(is_stop_word(Language::Arabic, fold_for_search("إلى")));
    CHECK(is_stop_word(Language::Arabic, fold_for_search("هَل")));
    CHECK(is_stop_word(Language::Persian, fold_for_search("برای")));
    CHECK_FALSE(is_stop_word(Language::Persian, fold_for_search("سفارش")));
    CHECK_FALSE(is_stop_word(Language::Other, fold_for_search("the")));
}

TEST_CASE("Highlights are byte ranges of whole matched words, in multi-byte text too") {
    const SearchIndex index = SearchIndex::build({article(
        "he", "he", "מדיניות החזרה", "אפשר להחזיר פריטים. ההחזרה חינם בתוך 60 יום, והחזרה בדואר עולה 5$.")});
    const auto hits = index.search("החזרה", {}, 10);
    REQUIRE(hits.size() == 1);
    const SearchableArticle& source = index.article(0);
    REQUIRE(hits[0].title_highlights.size() == 1);
    const ByteRange title = hits[0].title_highlights[0];
    CHECK(source.title.substr(title.begin, title.end - title.begin) == "החזרה");
    std::vector<std::string> marked;
    for (const ByteRange& range : hits[0].snippet_highlights) {
        CHECK(range.begin >= hits[0].snippet.begin);
        CHECK(range.end <= hits[0].snippet.end);
        marked.push_back(source.body_text.substr(range.begin, range.end - range.begin));
    }
    CHECK(marked == std::vector<std::string>{"ההחזרה", "והחזרה"}); // prefix letters attached
}

TEST_CASE("The snippet is the window of the body with the most matches") {
    std::string body;
    for (int i = 0; i < 40; ++i)
        body += "filler ";
    body += "the warranty covers repairs ";
    for (int i = 0; i < 40; ++i)
        body += "padding ";
    const SearchIndex index = SearchIndex::build({article("w", "en", "About us", body)});
    const auto hits = index.search("warranty repairs", {}, 10);
    REQUIRE(hits.size() == 1);
    const std::string snippet =
        body.substr(hits[0].snippet.begin, hits[0].snippet.end - hits[0].snippet.begin);
    CHECK(snippet.find("warranty covers repairs") != std::string::npos);
    CHECK(hits[0].snippet_highlights.size() == 2);
}
