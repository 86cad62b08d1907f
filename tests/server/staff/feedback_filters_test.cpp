#include "catch_amalgamated.hpp"

#include "server/staff/feedback_filters.h"

using namespace support;
using namespace support::server;

TEST_CASE("feedback filters: every filter the console sends is read", "[staff][filters]") {
    const auto query = parse_feedback_filters(
        "/api/v1/staff/"
        "feedback?site=demo&kind=guide&subject=track-order&page=https%3A%2F%2Fshop.example%2Fcart"
        "&helpful=yes&status=in_progress&tag=vip+customer&q=%D7%90%D7%99%D7%9C%D7%AA&from=2026-11-01&to=2026-"
        "11-30"
        "&sort=oldest&after=99&limit=200&unknown=ignored");
    REQUIRE(query.has_value());
    CHECK(query->site == "demo");
    CHECK(query->kind == protocol::FeedbackKind::Guide);
    CHECK(query->subject == "track-order");
    CHECK(query->page_url == "https://shop.example/cart");
    CHECK(query->helpful == true);
    CHECK(query->status == FeedbackStatus::InProgress);
    CHECK(query->tag == "vip customer");
    CHECK(query->text == "אילת");
    CHECK(query->received_from_ms == 1'793'491'200'000);   // 2026-11-01T00:00Z
    CHECK(query->received_before_ms == 1'796'083'200'000); // 2026-12-01T00:00Z: the 30th is included
    CHECK(query->order == FeedbackOrder::OldestFirst);
    CHECK(query->after_id == 99);
    CHECK(query->limit == 200);
}

TEST_CASE("feedback filters: no query string is everything, newest first, 50 at a time", "[staff][filters]") {
    const auto query = parse_feedback_filters("/api/v1/staff/feedback");
    REQUIRE(query.has_value());
    CHECK(query->site.empty());
    CHECK_FALSE(query->kind);
    CHECK_FALSE(query->helpful);
    CHECK(query->order == FeedbackOrder::NewestFirst);
    CHECK(query->limit == 50);
    CHECK(parse_feedback_filters("/x?helpful=&q=&sort=").value().limit == 50); // empty values do not filter
}

TEST_CASE("feedback filters: a value that cannot be used names its parameter", "[staff][filters]") {
    for (const auto& [target, field] : std::vector<std::pair<std::string, std::string>>{
             {"/f?helpful=1", "helpful"},
             {"/f?limit=ten", "limit"},
             {"/f?limit=5x", "limit"},
             {"/f?after=0", "after"},
             {"/f?after=99999999999999999999", "after"},
             {"/f?to=yesterday", "to"},
             {"/f?q=%C3%28", "q"}, // not UTF-8
             {"/f?tag=%", "tag"},
         }) {
        INFO(target);
        const auto refused = parse_feedback_filters(target);
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().code == "api.staff.bad_filter");
        CHECK(refused.error().field == field);
    }
    const auto long_value = parse_feedback_filters("/f?q=" + std::string(3000, 'a'));
    REQUIRE_FALSE(long_value.has_value());
    CHECK(long_value.error().field == "q");
}

TEST_CASE("feedback filters: Insights reads its site, range and list length", "[staff][filters]") {
    const auto query = parse_insights_filters("/api/v1/staff/insights?site=demo&from=2026-11-01&top=5");
    REQUIRE(query.has_value());
    CHECK(query->site == "demo");
    CHECK(query->received_from_ms == 1'793'491'200'000);
    CHECK_FALSE(query->received_before_ms);
    CHECK(query->top == 5);
    CHECK(parse_insights_filters("/i?top=101").error().field == "top");
}

TEST_CASE("feedback filters: any query string is an answer or a clear error, never a crash",
          "[staff][filters][fuzz]") {
    Catch::Generators::RandomIntegerGenerator<int> bytes(0, 255, Catch::getSeed());
    const std::string alphabet = "=&%?+#aZ09-_.";
    for (int round = 0; round < 5000; ++round) {
        std::string target = "/f?";
        const int length = round % 64;
        for (int i = 0; i < length; ++i) {
            bytes.next();
            const int b = bytes.get();
            target +=
                b < 200 ? alphabet[static_cast<std::size_t>(b) % alphabet.size()] : static_cast<char>(b);
        }
        const auto parsed = parse_feedback_filters(target);
        if (!parsed)
            CHECK(parsed.error().code == "api.staff.bad_filter");
        else
            CHECK(parsed->limit >= 1);
    }
}
