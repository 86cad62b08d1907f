#include "catch_amalgamated.hpp"

#include "console/model/feedback_detail.h"
#include "scripted_server.h"

using namespace support::console;
using support::console::test::ScriptedServer;

namespace {

std::string item_json(const std::string& status, const std::string& tags, bool changed) {
    return R"({"id":7,"status":")" + status + R"(","tags":)" + tags +
           R"(,"submission":{"kind":"problem_report","comment":"Broken"},"activity":[],"changed":)" +
           (changed ? "true" : "false") + "}";
}

} // namespace

TEST_CASE("console detail: opening shows the row at once, then the item with its activity",
          "[console][detail]") {
    ScriptedServer server;
    FeedbackDetail detail(
        server.transport(), [] { return "tok"; }, [](const FeedbackItem&) {}, [] {});
    FeedbackItem preview;
    preview.id = 7;
    preview.comment = "Broken";
    detail.open(preview);
    REQUIRE(detail.item().has_value());
    CHECK(detail.loading());
    CHECK(server.answer(200, item_json("new", "[]", false)).url == "/api/v1/staff/feedback/7");
    CHECK_FALSE(detail.loading());
    CHECK(detail.status_message().empty());
}

TEST_CASE("console detail: triage sends the CSRF token, shows the answer and tells the table",
          "[console][detail]") {
    ScriptedServer server;
    std::vector<std::string> table;
    FeedbackDetail detail(
        server.transport(), [] { return "tok"; },
        [&](const FeedbackItem& item) { table.push_back(item.status); }, [] {});
    FeedbackItem preview;
    preview.id = 7;
    detail.open(preview);
    server.answer(200, item_json("new", "[]", false));

    detail.set_status("resolved");
    detail.add_tag("ignored while busy");
    REQUIRE(server.waiting() == 1);
    const auto request = server.answer(200, item_json("resolved", "[]", true));
    CHECK(request.method == "POST");
    CHECK(request.url == "/api/v1/staff/feedback/7/status");
    CHECK(request.json_body == R"({"status":"resolved"})");
    CHECK(request.csrf_token == "tok");
    CHECK(detail.item()->status == "resolved");
    CHECK(detail.status_message() == "Marked Resolved.");
    CHECK(table == std::vector<std::string>{"resolved"});

    detail.remove_tag("vip customer");
    CHECK(server.answer(200, item_json("resolved", "[]", false)).url ==
          "/api/v1/staff/feedback/7/tags/vip%20customer");
    CHECK(detail.status_message() == "Nothing to change.");

    detail.add_note("Called back");
    server.answer(400, R"({"error":{"code":"api.staff.bad_note","message":"a note is at most 4000 bytes"}})");
    CHECK(detail.error() == "A note is at most 4000 bytes.");
}

TEST_CASE(
    "console detail: a change made while the item still loads is sent, and the older load never hides it",
    "[console][detail]") {
    ScriptedServer server;
    FeedbackDetail detail(
        server.transport(), [] { return "tok"; }, [](const FeedbackItem&) {}, [] {});
    FeedbackItem preview;
    preview.id = 7;
    preview.status = "new";
    detail.open(preview);
    detail.set_status("resolved"); // R pressed at once, before the item arrived
    REQUIRE(server.waiting() == 2);
    CHECK(detail.busy());
    // The change is answered first, then the load sent before it, with the status as it was.
    CHECK(server.answer_newest(200, item_json("resolved", "[]", true)).method == "POST");
    CHECK(detail.item()->status == "resolved");
    CHECK(server.answer(200, item_json("new", "[]", false)).method == "GET");
    CHECK(detail.item()->status == "resolved");
    CHECK_FALSE(detail.busy());
}
