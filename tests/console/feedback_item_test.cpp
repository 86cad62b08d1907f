#include "catch_amalgamated.hpp"

#include "console/model/feedback_item.h"

using namespace support::console;

TEST_CASE("console feedback item: everything the page sent is read from the staff API's JSON",
          "[console][item]") {
    const auto item = parse_feedback_item(R"({"id":42,"site":"demo","received_at_ms":1764825000000,
        "status":"in_progress","tags":["shipping","משלוחים"],
        "submission":{"kind":"article_helpful","article_id":"shipping-policy","helpful":false,
          "comment":"אין מידע על משלוח לאילת","locale":"he",
          "context":{"page":{"url":"https://shop.example/cart","title":"Cart"},"viewport":"phone",
                     "product":{"name":"Mug","sku":"MUG-1","price":"19.90","currency":"EUR"}}},
        "activity":[{"action":"note","value":"Asked","staff":"dana@shop.example","at_ms":5}]})");
    REQUIRE(item.has_value());
    CHECK(item->id == 42);
    CHECK(item->status == "in_progress");
    CHECK(item->tags == std::vector<std::string>{"shipping", "משלוחים"});
    CHECK(item->subject == "shipping-policy");
    CHECK(item->helpful == false);
    CHECK(item->comment == "אין מידע על משלוח לאילת");
    CHECK(item->page_url == "https://shop.example/cart");
    CHECK(item->context.product == "Mug, MUG-1, 19.90 EUR");
    CHECK(item->context.device == "phone");
    REQUIRE(item->activity.size() == 1);
    CHECK(item->activity[0].staff == "dana@shop.example");
    CHECK(describe_feedback(*item) == "Not helpful");
    CHECK(status_label(item->status) == "In progress");
    CHECK(support::calendar::format_utc_minute(item->received_at_ms) == "2025-12-04 05:10");
}

TEST_CASE("console feedback item: what is not an item is refused, odd fields are left empty",
          "[console][item]") {
    CHECK_FALSE(parse_feedback_item("not json"));
    CHECK_FALSE(parse_feedback_item("[]"));
    CHECK_FALSE(parse_feedback_item(R"({"id":"42"})"));
    const auto odd = parse_feedback_item(R"({"id":1,"tags":"x","submission":{"kind":7,"helpful":"no"}})");
    REQUIRE(odd.has_value());
    CHECK(odd->tags.empty());
    CHECK(odd->kind.empty());
    CHECK_FALSE(odd->helpful.has_value());
}

TEST_CASE("console feedback item: a chat rating names its conversation and says the score",
          "[console][item]") {
    const auto item = parse_feedback_item(R"({"id":7,"site":"demo","received_at_ms":1,"status":"new",
        "submission":{"kind":"chat_csat","conversation_id":"Xq3-_a9","score":2,"comment":"Slow reply"}})");
    REQUIRE(item.has_value());
    CHECK(item->subject == "Xq3-_a9");
    CHECK(item->score == 2);
    CHECK(describe_feedback(*item) == "Chat rated 2 of 5");
}
