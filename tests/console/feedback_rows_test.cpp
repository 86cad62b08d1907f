#include "catch_amalgamated.hpp"

#include "console/model/feedback_rows.h"
#include "scripted_server.h"

#include <nlohmann/json.hpp>

using namespace support::console;
using support::console::test::ScriptedServer;

namespace {

// A page of the staff list holding ids first, first - 1, … (newest first).
std::string page_json(std::int64_t first, std::size_t count, std::optional<std::size_t> total = {}) {
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t i = 0; i < count; ++i)
        items.push_back(
            {{"id", first - static_cast<std::int64_t>(i)},
             {"status", "new"},
             {"tags", nlohmann::json::array()},
             {"submission", {{"kind", "search_miss"}, {"query", "q" + std::to_string(first - i)}}}});
    nlohmann::json body{{"items", items}, {"next", nullptr}};
    if (total) {
        body["total"] = *total;
        body["newest_id"] = first;
    }
    return body.dump();
}

} // namespace

TEST_CASE("console rows: the first page is counted; later pages are fetched by position when scrolled to",
          "[console][rows]") {
    ScriptedServer server;
    bool signed_out = false;
    FeedbackRows rows(server.transport(), [&] { signed_out = true; });
    FeedbackFilters filters;
    filters.status = "new";
    filters.text = "משלוח לאילת";
    rows.set_filters(filters);
    const auto first = server.answer(200, page_json(100'000, 100, 100'000));
    CHECK(
        first.url ==
        "/api/v1/staff/feedback?status=new&q=%D7%9E%D7%A9%D7%9C%D7%95%D7%97%20%D7%9C%D7%90%D7%99%D7%9C%D7%AA"
        "&limit=100&count=yes");
    CHECK(rows.total() == 100'000);
    REQUIRE(rows.row(0) != nullptr);
    CHECK(rows.row(99)->id == 99'901);

    // Scrolled far down: only that page is asked for, below the first answer's newest id.
    CHECK(rows.row(72'345) == nullptr);
    CHECK(rows.row(72'399) == nullptr); // the same page: not asked for twice
    REQUIRE(server.waiting() == 1);
    CHECK(
        server.next_request().url ==
        "/api/v1/staff/feedback?status=new&q=%D7%9E%D7%A9%D7%9C%D7%95%D7%97%20%D7%9C%D7%90%D7%99%D7%9C%D7%AA"
        "&limit=100&offset=72300&up_to=100000");
    server.answer(200, page_json(27'700, 100));
    CHECK(rows.row(72'345)->id == 27'655);
    CHECK(rows.index_of(27'655) == 72'345u);
    CHECK(rows.row(100'000) == nullptr); // past the end: nothing asked
    CHECK(server.waiting() == 0);
    CHECK_FALSE(signed_out);
}

TEST_CASE("console rows: new filters drop answers still on their way; 401 signs out; errors are shown",
          "[console][rows]") {
    ScriptedServer server;
    bool signed_out = false;
    FeedbackRows rows(server.transport(), [&] { signed_out = true; });
    rows.set_filters({});
    FeedbackFilters unhappy;
    unhappy.helpful = "no";
    rows.set_filters(unhappy);
    server.answer(200, page_json(50, 50, 50)); // the old filters' answer
    CHECK_FALSE(rows.counted());
    server.answer(503, R"({"error":{"code":"storage.read_failed","message":"the store could not be read"}})");
    CHECK(rows.error() == "The store could not be read.");
    rows.refresh();
    server.answer(401, "{}");
    CHECK(signed_out);
}

TEST_CASE("console rows: a changed item shows in its row without a fetch", "[console][rows]") {
    ScriptedServer server;
    FeedbackRows rows(server.transport(), [] {});
    rows.set_filters({});
    server.answer(200, page_json(10, 10, 10));
    FeedbackItem changed = *rows.row(3);
    changed.status = "resolved";
    changed.tags = {"vip"};
    rows.update(changed);
    CHECK(rows.row(3)->status == "resolved");
    CHECK(rows.row(3)->tags == std::vector<std::string>{"vip"});
    CHECK(server.waiting() == 0);
}
