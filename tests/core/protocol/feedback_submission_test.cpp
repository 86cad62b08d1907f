#include "shared/core/protocol/feedback_submission.h"

#include "catch_amalgamated.hpp"

#include <string>

using namespace support;
using namespace support::protocol;

namespace {

const std::string k_id = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

std::string article_body(const std::string& extra = "") {
    return R"({"client_id":")" + k_id +
           R"(","kind":"article_helpful","locale":"en","client_time_ms":1764825059123,"article_id":"shipping-policy","helpful":false)" +
           extra + "}";
}

Error decode_error(const std::string& body) {
    auto decoded = decode_feedback_submission(body);
    REQUIRE_FALSE(decoded);
    return decoded.error();
}

} // namespace

TEST_CASE("An article vote decodes with its subject, vote, comment and context") {
    auto decoded = decode_feedback_submission(article_body(
        R"(,"comment":"Nothing about Israel","context":{"page":{"url":"https://shop.example/cart?email=a@b.c#x","title":"Cart"},"viewport":"phone","cart":{"item_count":2,"total":"39.80","currency":"EUR"}})"));
    REQUIRE(decoded);
    CHECK(decoded->client_id == k_id);
    CHECK(decoded->kind == FeedbackKind::ArticleHelpful);
    CHECK(decoded->subject == "shipping-policy");
    CHECK(decoded->helpful == false);
    CHECK(decoded->comment == "Nothing about Israel");
    CHECK(decoded->context.page_url == "https://shop.example/cart");
    CHECK(decoded->context.page_title == "Cart");
    CHECK(decoded->context.viewport == "phone");
    REQUIRE(decoded->context.cart);
    CHECK(decoded->context.cart->item_count == 2);
    CHECK(decoded->context.cart->total == "39.80");
}

TEST_CASE("The site's own context fields travel sorted by name and come back the same") {
    auto decoded = decode_feedback_submission(
        article_body(R"(,"context":{"custom":{"plan":"gold","b2b":"false"},"order":{"id":"A-7"}})"));
    REQUIRE(decoded);
    CHECK(decoded->context.custom ==
          std::vector<std::pair<std::string, std::string>>{{"b2b", "false"}, {"plan", "gold"}});
    auto again = decode_feedback_submission(encode_feedback_submission(*decoded));
    REQUIRE(again);
    CHECK(again->context == decoded->context);
    std::string many;
    for (int i = 0; i < 21; ++i)
        many += (i ? "," : "") + std::string("\"k") + std::to_string(i) + "\":\"v\"";
    CHECK(decode_error(article_body(R"(,"context":{"custom":{)" + many + "}}")).field == "/context/custom");
    CHECK(decode_error(article_body(R"(,"context":{"custom":{"n":5}})")).field == "/context/custom/n");
}

TEST_CASE("The page's language and direction travel with the context; another direction is refused") {
    auto decoded =
        decode_feedback_submission(article_body(R"(,"context":{"page":{"lang":"he-IL","dir":"rtl"}})"));
    REQUIRE(decoded);
    CHECK(decoded->context.page_lang == "he-IL");
    CHECK(decoded->context.page_dir == "rtl");
    CHECK(decode_error(article_body(R"(,"context":{"page":{"dir":"up"}})")).field == "/context/page/dir");
}

TEST_CASE("Who the site says the shopper is travels with the context and comes back the same") {
    const std::string hash(64, 'f');
    auto decoded = decode_feedback_submission(article_body(
        R"(,"context":{"shopper":{"id":"c-1042","email":"dana@example.com","name":"Dana","hash":")" + hash +
        R"("}})"));
    REQUIRE(decoded);
    REQUIRE(decoded->context.shopper);
    CHECK(decoded->context.shopper->id == "c-1042");
    CHECK(decoded->context.shopper->hash == hash);
    CHECK_FALSE(decoded->context.shopper->verified);
    auto again = decode_feedback_submission(encode_feedback_submission(*decoded));
    REQUIRE(again);
    CHECK(again->context == decoded->context);
    CHECK(decode_error(article_body(R"(,"context":{"shopper":{"email":"x@y.z"}})")).field ==
          "/context/shopper/id");
    CHECK(decode_error(article_body(R"(,"context":{"shopper":{"id":""}})")).field == "/context/shopper/id");
    CHECK(decode_error(article_body(R"(,"context":{"shopper":{"id":"c","hash":"xyz"}})")).field ==
          "/context/shopper/hash");
}

TEST_CASE(
    "The browser's shopper key travels in lowercase and comes back the same; anything else is refused") {
    auto decoded =
        decode_feedback_submission(article_body(R"(,"shopper_key":"0B7E6F1C-3D2A-4C5B-9E8F-0A1B2C3D4E5F")"));
    REQUIRE(decoded);
    CHECK(decoded->shopper_key == "0b7e6f1c-3d2a-4c5b-9e8f-0a1b2c3d4e5f");
    CHECK(decode_feedback_submission(encode_feedback_submission(*decoded)).value() == *decoded);
    CHECK(decode_feedback_submission(article_body(""))->shopper_key.empty());
    CHECK(decode_error(article_body(R"(,"shopper_key":"me")")).code == "api.feedback.invalid_shopper_key");
    CHECK(decode_error(article_body(R"(,"shopper_key":"me")")).field == "/shopper_key");
}

TEST_CASE("Each kind reads the subject and fields of its own") {
    const std::string head = R"({"client_id":")" + k_id + R"(","locale":"he","client_time_ms":1,)";
    SECTION("page") {
        auto page =
            decode_feedback_submission(head + R"("kind":"page","topic":"זמני משלוח","helpful":true})");
        REQUIRE(page);
        CHECK(page->subject == "זמני משלוח");
        CHECK(page->helpful == true);
    }
    SECTION("chat_csat") {
        auto rating = decode_feedback_submission(
            head + R"("kind":"chat_csat","conversation_id":"Xq3-_a9Zk2","score":5,"comment":"מהיר ואדיב"})");
        REQUIRE(rating);
        CHECK(rating->subject == "Xq3-_a9Zk2");
        CHECK(rating->score == 5);
        CHECK(decode_feedback_submission(encode_feedback_submission(*rating)).value() == *rating);
        CHECK(decode_feedback_submission(head + R"("kind":"chat_csat","conversation_id":"c","score":6})")
                  .error()
                  .field == "/score");
        CHECK(
            decode_feedback_submission(head + R"("kind":"chat_csat","conversation_id":"c"})").error().field ==
            "/score");
    }
    SECTION("guide") {
        auto guide = decode_feedback_submission(
            head +
            R"("kind":"guide","guide_id":"apply-coupon","outcome":"abandoned","step":"enter-code","step_number":2})");
        REQUIRE(guide);
        CHECK(guide->step_number == 2);
        CHECK(decode_feedback_submission(encode_feedback_submission(*guide)).value() == *guide);
        CHECK(guide->subject == "apply-coupon");
        CHECK(guide->outcome == GuideOutcome::Abandoned);
        CHECK(guide->step == "enter-code");
    }
    SECTION("search miss") {
        auto miss = decode_feedback_submission(head + R"("kind":"search_miss","query":"משלוח לאילת?"})");
        REQUIRE(miss);
        CHECK(miss->kind == FeedbackKind::SearchMiss);
        CHECK(miss->subject == "משלוח לאילת?");
    }
    SECTION("problem report") {
        auto report = decode_feedback_submission(
            head +
            R"("kind":"problem_report","comment":"Checkout freezes <b>now</b>","email":"dana@shop.example"})");
        REQUIRE(report);
        CHECK(report->subject.empty());
        CHECK(report->comment == "Checkout freezes <b>now</b>"); // as written: never rendered as HTML
        CHECK(report->email == "dana@shop.example");
    }
}

TEST_CASE("Encoding then decoding gives the same submission, and equal submissions encode alike") {
    auto decoded = decode_feedback_submission(article_body(
        R"(,"comment":"x","unknown_field":[1,2],"context":{"product":{"name":"Mug","sku":"M-1","price":"9.90","currency":"EUR"},"order":{"id":"A-1","status":"shipped"}})"));
    REQUIRE(decoded);
    const std::string encoded = encode_feedback_submission(*decoded);
    auto again = decode_feedback_submission(encoded);
    REQUIRE(again);
    CHECK(*again == *decoded);
    CHECK(encode_feedback_submission(*again) == encoded);
    CHECK(encoded.find("unknown_field") == std::string::npos);
}

TEST_CASE("A UUID in capitals is the same client id in lowercase") {
    std::string upper = k_id;
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto decoded = decode_feedback_submission(
        R"({"client_id":")" + upper +
        R"(","kind":"problem_report","locale":"en","client_time_ms":5,"comment":"x"})");
    REQUIRE(decoded);
    CHECK(decoded->client_id == k_id);
}

TEST_CASE("Every rejected submission names the field at fault") {
    struct Case {
        std::string body;
        std::string code;
        std::string field;
    };
    const std::string no_id =
        R"({"kind":"page","locale":"en","client_time_ms":1,"topic":"t","helpful":true})";
    const Case cases[] = {
        {"{", "api.feedback.invalid_json", ""},
        {"[1]", "api.feedback.not_an_object", ""},
        {no_id, "api.feedback.missing_field", "/client_id"},
        {article_body().replace(article_body().find(k_id), k_id.size(), "not-a-uuid"),
         "api.feedback.invalid_client_id", "/client_id"},
        {article_body(R"(,"kind":"tip")"), "api.feedback.unknown_kind", "/kind"},
        {R"({"client_id":")" + k_id +
             R"(","kind":"article_helpful","locale":"en","client_time_ms":1,"article_id":"a","helpful":"yes"})",
         "api.feedback.wrong_type", "/helpful"},
        {R"({"client_id":")" + k_id +
             R"(","kind":"article_helpful","locale":"english!","client_time_ms":1,"article_id":"a","helpful":true})",
         "api.feedback.invalid_locale", "/locale"},
        {R"({"client_id":")" + k_id +
             R"(","kind":"article_helpful","locale":"en","client_time_ms":-4,"article_id":"a","helpful":true})",
         "api.feedback.out_of_range", "/client_time_ms"},
        {R"({"client_id":")" + k_id +
             R"(","kind":"article_helpful","locale":"en","client_time_ms":1.5,"article_id":"a","helpful":true})",
         "api.feedback.wrong_type", "/client_time_ms"},
        {R"({"client_id":")" + k_id +
             R"(","kind":"article_helpful","locale":"en","client_time_ms":1,"article_id":"a b","helpful":true})",
         "api.feedback.invalid_id", "/article_id"},
        {R"({"client_id":")" + k_id +
             R"(","kind":"problem_report","locale":"en","client_time_ms":1,"comment":"x","email":"dana at shop"})",
         "api.feedback.invalid_email", "/email"},
        {R"({"client_id":")" + k_id + R"(","kind":"search_miss","locale":"en","client_time_ms":1})",
         "api.feedback.missing_field", "/query"},
        {R"({"client_id":")" + k_id +
             R"(","kind":"guide","locale":"en","client_time_ms":1,"guide_id":"g","outcome":"won","step":"s"})",
         "api.feedback.invalid_outcome", "/outcome"},
        {R"({"client_id":")" + k_id +
             R"(","kind":"guide","locale":"en","client_time_ms":1,"guide_id":"g","outcome":"completed"})",
         "api.feedback.missing_field", "/step"},
        {R"({"client_id":")" + k_id +
             R"(","kind":"problem_report","locale":"en","client_time_ms":1,"comment":""})",
         "api.feedback.missing_field", "/comment"},
        {article_body(R"(,"comment":")" + std::string(k_max_comment_bytes + 1, 'a') + "\""),
         "api.feedback.too_long", "/comment"},
        {article_body(R"(,"context":{"page":{"url":5}})"), "api.feedback.wrong_type", "/context/page/url"},
        {article_body(R"(,"context":{"viewport":"watch"})"), "api.feedback.invalid_value",
         "/context/viewport"},
        {article_body(R"(,"context":{"cart":{"item_count":-1}})"), "api.feedback.out_of_range",
         "/context/cart/item_count"},
        {article_body(R"(,"context":"cart")"), "api.feedback.wrong_type", "/context"},
        {article_body(",\"comment\":\"bad \xC3\x28 byte\""), "api.feedback.invalid_utf8", "/comment"},
        {article_body(",\"context\":{\"page\":{\"title\":\"\xFF\"}}"), "api.feedback.invalid_utf8",
         "/context/page/title"},
        {article_body(R"(,"x":)" + std::string(40, '[') + std::string(40, ']')), "api.feedback.too_deep", ""},
    };
    for (const Case& c : cases) {
        INFO(c.body.substr(0, 200));
        const Error error = decode_error(c.body);
        CHECK(error.code == c.code);
        CHECK(error.field == c.field);
        CHECK_FALSE(error.message.empty());
    }
}

TEST_CASE("A null optional field reads as absent") {
    auto decoded = decode_feedback_submission(article_body(R"(,"comment":null,"context":null)"));
    REQUIRE(decoded);
    CHECK(decoded->comment.empty());
}

TEST_CASE("Reply addresses must look deliverable") {
    CHECK(is_reply_email("dana@shop.example"));
    CHECK(is_reply_email("דנה@דוגמה.ישראל"));
    CHECK_FALSE(is_reply_email("dana@shop"));
    CHECK_FALSE(is_reply_email("@shop.example"));
    CHECK_FALSE(is_reply_email("dana@@shop.example"));
    CHECK_FALSE(is_reply_email("dana @shop.example"));
    CHECK_FALSE(is_reply_email("dana@shop.example."));
    CHECK_FALSE(is_reply_email(std::string(250, 'a') + "@b.cd"));
}
