#include "catch_amalgamated.hpp"

#include "console/model/insights.h"
#include "scripted_server.h"

using namespace support::console;
using support::console::test::ScriptedServer;

namespace {

const std::string k_figures = R"({"total":17,
  "articles":[{"article_id":"shipping-policy","helpful":1,"not_helpful":3}],
  "per_day":[{"day_start_ms":1764547200000,"total":14,"negative":3}],
  "negative_pages":[{"page_url":"https://shop.example/cart","negative":1,"total":3}],
  "unanswered_searches":[{"query":"אילת","count":3,"last_received_at_ms":5}],
  "guides":[{"guide_id":"track-order","completed":1,"abandoned":3,
             "steps":[{"step_number":2,"step":"enter-number","abandoned":2}]}]})";

} // namespace

TEST_CASE("console insights: the figures are read as the server sends them", "[console][insights]") {
    const auto figures = parse_insights(k_figures);
    REQUIRE(figures.has_value());
    CHECK(figures->total == 17);
    REQUIRE(figures->articles.size() == 1);
    CHECK(figures->articles[0].not_helpful == 3);
    CHECK(figures->days[0].negative == 3);
    CHECK(figures->pages[0].url == "https://shop.example/cart");
    CHECK(figures->searches[0].query == "אילת");
    REQUIRE(figures->guides[0].steps.size() == 1);
    CHECK(figures->guides[0].steps[0].id == "enter-number");
    CHECK_FALSE(parse_insights("[]"));
    CHECK(parse_insights(R"({"total":0,"articles":"x","guides":[1,{"guide_id":"a","steps":{}}]})")
              ->guides.size() == 1);
}

TEST_CASE(
    "console insights: a range asks for its first day; a later range wins over an answer still on its way",
    "[console][insights]") {
    ScriptedServer server;
    Insights insights(server.transport(), [] {});
    const std::int64_t now = 1'764'940'000'000; // 2025-12-05 13:06 UTC
    insights.load(7, now);
    CHECK(server.next_request().url == "/api/v1/staff/insights?top=15&from=2025-11-29");
    insights.load(0, now);
    server.answer(200, R"({"total":1})"); // the 7-day answer, no longer wanted
    CHECK_FALSE(insights.figures().has_value());
    CHECK(server.answer(200, k_figures).url == "/api/v1/staff/insights?top=15");
    CHECK(insights.figures()->total == 17);
    CHECK_FALSE(insights.loading());
}
