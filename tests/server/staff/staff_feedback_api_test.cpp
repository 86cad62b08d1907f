// The staff API over feedback, through the real route table, store and worker pool: what a
// signed-in agent can see and change, and what everyone else is refused.

#include "catch_amalgamated.hpp"

#include "router_answer.h"
#include "server/routes.h"
#include "server/staff/password_hashing.h"
#include "store_fixtures.h"

#include <nlohmann/json.hpp>

using namespace support;
using namespace support::server;
using namespace support::server::test;

namespace {

const std::string k_password = "correct horse battery staple";

class StaffApiBench {
  public:
    StaffApiBench() {
        const PasswordHashCost cheap{.memory_kib = 64, .passes = 1, .lanes = 1};
        REQUIRE(storage
                    ->add_staff(
                        {"dana@shop.example", StaffRole::Agent, hash_password(k_password, cheap).value(), 0})
                    .has_value());
        auto files = StaticFiles::open({});
        REQUIRE(files.has_value());
        router = make_routes(
            std::make_shared<const StaticFiles>(std::move(*files)), nullptr, nullptr, sessions,
            std::make_shared<const StaffFeedbackApi>(storage, sessions, workers, [this] { return now_ms; }));
        const auto in =
            answer("POST", "/api/v1/staff/session",
                   nlohmann::json{{"email", "dana@shop.example"}, {"password", k_password}}.dump());
        REQUIRE(in.status == 200);
        const std::string set_cookie(in.header("Set-Cookie"));
        cookie = set_cookie.substr(0, set_cookie.find(';'));
        csrf = nlohmann::json::parse(in.body).at("csrf_token");
    }

    HttpResponse answer(std::string method, std::string target, std::string body = {},
                        HeaderList headers = {}) {
        HttpRequest request;
        request.method = std::move(method);
        request.target = std::move(target);
        request.headers = std::move(headers);
        request.headers.emplace_back("Host", "127.0.0.1:8080");
        if (!body.empty())
            request.headers.emplace_back("Content-Type", "application/json");
        request.body = std::move(body);
        request.remote_address = "127.0.0.1";
        return testing::answer(router, request);
    }
    // As the signed-in agent's console sends it.
    HttpResponse staff(std::string method, std::string target, std::string body = {}) {
        return answer(std::move(method), std::move(target), std::move(body),
                      {{"Cookie", cookie}, {"X-CSRF-Token", csrf}, {"Origin", "http://127.0.0.1:8080"}});
    }
    nlohmann::json staff_json(std::string method, std::string target, std::string body = {}) {
        const auto response = staff(std::move(method), std::move(target), std::move(body));
        INFO(response.body);
        REQUIRE(response.status == 200);
        return nlohmann::json::parse(response.body);
    }
    std::int64_t put(NewFeedback feedback) {
        auto stored = insert(*storage, std::move(feedback));
        REQUIRE(stored.has_value());
        return stored->feedback_id;
    }

    StoreLocation location;
    std::shared_ptr<Storage> storage = location.open().value();
    std::shared_ptr<WorkerPool> workers = std::make_shared<WorkerPool>(2);
    std::shared_ptr<const StaffSessionApi> sessions =
        std::make_shared<const StaffSessionApi>(std::make_shared<StaffSessions>(storage));
    std::int64_t now_ms = 1'764'940'000'000; // 2025-12-05
    Router router;
    std::string cookie;
    std::string csrf;
};

std::string code_of(const HttpResponse& response) {
    return nlohmann::json::parse(response.body).at("error").at("code");
}

std::string field_of(const HttpResponse& response) {
    return nlohmann::json::parse(response.body).at("error").value("field", "");
}

} // namespace

TEST_CASE(
    "staff feedback API: without a session nothing is shown; other origins and missing CSRF are refused",
    "[staff][api][feedback]") {
    StaffApiBench bench;
    const auto id = bench.put(article_vote("demo", 1, false, "Nothing about Eilat"));
    const std::string item = "/api/v1/staff/feedback/" + std::to_string(id);
    for (const std::string& target :
         {std::string("/api/v1/staff/feedback"), item, std::string("/api/v1/staff/feedback.csv"),
          std::string("/api/v1/staff/insights")}) {
        const auto anonymous = bench.answer("GET", target);
        CHECK(anonymous.status == 401);
        CHECK(code_of(anonymous) == "api.staff.not_signed_in");
        CHECK(anonymous.body.find("Eilat") == std::string::npos);
    }
    const auto other_origin =
        bench.answer("GET", item, {}, {{"Cookie", bench.cookie}, {"Origin", "https://evil.example"}});
    CHECK(other_origin.status == 403);
    CHECK(code_of(other_origin) == "api.staff.cross_origin");
    CHECK_FALSE(other_origin.has_header("Access-Control-Allow-Origin"));

    const std::string resolve = R"({"status":"resolved"})";
    const auto no_csrf = bench.answer("POST", item + "/status", resolve, {{"Cookie", bench.cookie}});
    CHECK(no_csrf.status == 403);
    CHECK(code_of(no_csrf) == "api.staff.csrf_mismatch");
    const auto wrong_csrf = bench.answer("POST", item + "/status", resolve,
                                         {{"Cookie", bench.cookie}, {"X-CSRF-Token", "guess"}});
    CHECK(wrong_csrf.status == 403);
    CHECK(bench.staff_json("GET", item)["status"] == "new"); // neither changed anything

    // Signing out ends the session for every later request at once.
    REQUIRE(bench.staff("DELETE", "/api/v1/staff/session").status == 204);
    CHECK(bench.staff("GET", item).status == 401);
    CHECK(bench.staff("POST", item + "/status", resolve).status == 401);
}

TEST_CASE("staff feedback API: the list filters, pages with `next`, and refuses a filter it cannot use",
          "[staff][api][feedback]") {
    StaffApiBench bench;
    for (int n = 0; n < 5; ++n)
        bench.put(article_vote("demo", n, n % 2 == 0, n == 3 ? "אין משלוח לאילת" : ""));
    bench.put(article_vote("other-shop", 10, false));

    auto page = bench.staff_json("GET", "/api/v1/staff/feedback?site=demo&limit=2");
    REQUIRE(page["items"].size() == 2);
    CHECK(page["items"][0]["id"] == 5);
    CHECK(page["items"][0]["submission"]["article_id"] == "shipping-policy");
    CHECK(page["next"] == "4");
    page = bench.staff_json("GET", "/api/v1/staff/feedback?site=demo&limit=2&after=" +
                                       page["next"].get<std::string>());
    CHECK(page["items"][0]["id"] == 3);
    CHECK(page["items"][1]["id"] == 2);
    page = bench.staff_json("GET", "/api/v1/staff/feedback?site=demo&limit=2&after=2");
    CHECK(page["items"].size() == 1);
    CHECK(page["next"].is_null());

    page = bench.staff_json("GET", "/api/v1/staff/feedback?site=demo&limit=2&count=yes");
    CHECK(page["total"] == 5);
    CHECK(page["newest_id"] == 5);
    page = bench.staff_json("GET", "/api/v1/staff/feedback?site=demo&limit=2&offset=3&up_to=5");
    REQUIRE(page["items"].size() == 2);
    CHECK(page["items"][0]["id"] == 2);
    CHECK(page["next"].is_null());

    page = bench.staff_json("GET", "/api/v1/staff/feedback?q=%D7%90%D7%99%D7%9C%D7%AA"); // אילת
    REQUIRE(page["items"].size() == 1);
    CHECK(page["items"][0]["submission"]["comment"] == "אין משלוח לאילת");
    page = bench.staff_json("GET", "/api/v1/staff/feedback?helpful=no");
    CHECK(page["items"].size() == 3); // two on demo, one on other-shop
    page = bench.staff_json("GET", "/api/v1/staff/feedback?from=2025-12-04&to=2025-12-04");
    CHECK(page["items"].size() == 6); // article_vote's feedback arrives on 2025-12-04 UTC
    page = bench.staff_json("GET", "/api/v1/staff/feedback?from=2025-12-05");
    CHECK(page["items"].empty());

    for (const auto& [target, field] : std::vector<std::pair<std::string, std::string>>{
             {"?helpful=maybe", "helpful"},
             {"?status=closed", "status"},
             {"?kind=rating", "kind"},
             {"?from=2025-02-30", "from"},
             {"?from=2025-12-05&to=2025-12-01", "to"},
             {"?limit=0", "limit"},
             {"?limit=201", "limit"},
             {"?after=-3", "after"},
             {"?sort=random", "sort"},
             {"?offset=-1", "offset"},
             {"?offset=5&after=9", "offset"},
             {"?up_to=0", "up_to"},
             {"?q=%zz", "q"},
         }) {
        const auto refused = bench.staff("GET", "/api/v1/staff/feedback" + target);
        INFO(target);
        CHECK(refused.status == 400);
        CHECK(code_of(refused) == "api.staff.bad_filter");
        CHECK(field_of(refused) == field);
    }
}

TEST_CASE(
    "staff feedback API: an item shows everything the page sent; status, tags and notes keep their history",
    "[staff][api][feedback]") {
    StaffApiBench bench;
    auto vote = article_vote("demo", 1, false, "Nothing about Eilat");
    vote.submission.context.product =
        protocol::ProductContext{"Ceramic mug", "MUG-42", "19.90", "EUR", "InStock"};
    vote.submission.context.viewport = "phone";
    const auto id = bench.put(vote);
    const std::string item = "/api/v1/staff/feedback/" + std::to_string(id);

    auto detail = bench.staff_json("GET", item);
    CHECK(detail["site"] == "demo");
    CHECK(detail["status"] == "new");
    CHECK(detail["submission"]["locale"] == "he");
    CHECK(detail["submission"]["context"]["page"]["url"] == "https://shop.example/products/mug");
    CHECK(detail["submission"]["context"]["page"]["title"] == "ספל קרמיקה");
    CHECK(detail["submission"]["context"]["product"]["sku"] == "MUG-42");
    CHECK(detail["submission"]["context"]["viewport"] == "phone");
    CHECK(detail["activity"].empty());

    detail = bench.staff_json("POST", item + "/status", R"({"status":"in_progress"})");
    CHECK(detail["status"] == "in_progress");
    CHECK(detail["changed"] == true);
    bench.now_ms += 60'000;
    detail = bench.staff_json("POST", item + "/status", R"({"status":"in_progress"})");
    CHECK(detail["changed"] == false);
    detail = bench.staff_json("POST", item + "/tags", R"({"tag":"  Shipping   Delay "})");
    CHECK(detail["tags"] == nlohmann::json{"shipping delay"});
    detail = bench.staff_json("POST", item + "/tags", R"({"tag":"משלוחים"})");
    detail = bench.staff_json("DELETE", item + "/tags/Shipping%20Delay");
    CHECK(detail["tags"] == nlohmann::json{"משלוחים"});
    detail = bench.staff_json("POST", item + "/notes", R"({"text":"Asked the warehouse about Eilat"})");
    detail = bench.staff_json("POST", item + "/status", R"({"status":"resolved"})");

    // A reload shows the same: the item as it now is, and every step that led there, never rewritten.
    detail = bench.staff_json("GET", item);
    CHECK(detail["status"] == "resolved");
    CHECK(detail["tags"] == nlohmann::json{"משלוחים"});
    const auto& activity = detail["activity"];
    REQUIRE(activity.size() == 6);
    CHECK(activity[0]["action"] == "status");
    CHECK(activity[0]["value"] == "in_progress");
    CHECK(activity[0]["staff"] == "dana@shop.example");
    CHECK(activity[0]["at_ms"] == 1'764'940'000'000);
    CHECK(activity[1]["action"] == "tag_added");
    CHECK(activity[1]["at_ms"] == 1'764'940'060'000);
    CHECK(activity[3]["action"] == "tag_removed");
    CHECK(activity[4]["action"] == "note");
    CHECK(activity[4]["value"] == "Asked the warehouse about Eilat");
    CHECK(activity[5]["value"] == "resolved");

    auto listed = bench.staff_json(
        "GET", "/api/v1/staff/feedback?status=resolved&tag=%D7%9E%D7%A9%D7%9C%D7%95%D7%97%D7%99%D7%9D");
    REQUIRE(listed["items"].size() == 1);
    CHECK(listed["items"][0]["id"] == id);
}

TEST_CASE("staff feedback API: bad changes are refused with the field at fault, and nothing is written",
          "[staff][api][feedback]") {
    StaffApiBench bench;
    const auto id = bench.put(article_vote("demo", 1, false));
    const std::string item = "/api/v1/staff/feedback/" + std::to_string(id);
    struct Refusal {
        std::string method, target, body;
        unsigned status;
        std::string code, field;
    };
    for (const auto& r : std::vector<Refusal>{
             {"POST", item + "/status", R"({"status":"closed"})", 400, "api.staff.bad_status", "/status"},
             {"POST", item + "/status", R"({"state":"resolved"})", 400, "api.staff.bad_request", "/status"},
             {"POST", item + "/status", R"(["resolved"])", 400, "api.staff.bad_request", ""},
             {"POST", item + "/tags", R"({"tag":"   "})", 400, "api.staff.bad_tag", "/tag"},
             {"POST", item + "/tags", R"({"tag":"a\u0007b"})", 400, "api.staff.bad_tag", "/tag"},
             {"POST", item + "/tags", nlohmann::json{{"tag", std::string(41, 'x')}}.dump(), 400,
              "api.staff.bad_tag", "/tag"},
             {"POST", item + "/notes", R"({"text":""})", 400, "api.staff.bad_note", "/text"},
             {"POST", item + "/notes", nlohmann::json{{"text", std::string(4001, 'x')}}.dump(), 400,
              "api.staff.bad_note", "/text"},
             {"POST", item + "/notes", std::string(17 * 1024, ' '), 413, "api.staff.too_large", ""},
             {"POST", "/api/v1/staff/feedback/999/status", R"({"status":"resolved"})", 404,
              "api.staff.feedback_not_found", ""},
             {"GET", "/api/v1/staff/feedback/999", "", 404, "api.staff.feedback_not_found", ""},
             {"GET", "/api/v1/staff/feedback/abc", "", 404, "api.staff.not_found", ""},
             {"GET", item + "/status", "", 405, "api.staff.method_not_allowed", ""},
             {"POST", "/api/v1/staff/feedback", R"({})", 405, "api.staff.method_not_allowed", ""},
         }) {
        INFO(r.method << ' ' << r.target << ' ' << r.body.substr(0, 60));
        const auto refused = bench.staff(r.method, r.target, r.body);
        CHECK(refused.status == r.status);
        CHECK(code_of(refused) == r.code);
        CHECK(field_of(refused) == r.field);
    }
    const auto not_json = bench.answer(
        "POST", item + "/notes", {},
        {{"Cookie", bench.cookie}, {"X-CSRF-Token", bench.csrf}, {"Content-Type", "text/plain"}});
    CHECK(not_json.status == 415);
    const auto detail = bench.staff_json("GET", item);
    CHECK(detail["status"] == "new");
    CHECK(detail["tags"].empty());
    CHECK(detail["activity"].empty());
}

TEST_CASE("staff feedback API: the CSV export is RFC 4180, spreadsheet-safe, and holds every match",
          "[staff][api][feedback]") {
    StaffApiBench bench;
    bench.put(article_vote("demo", 1, false, "=HYPERLINK(\"https://evil.example\",\"click\")"));
    bench.put(article_vote("demo", 2, false, "Line one,\nline \"two\" — שלום"));
    bench.put(article_vote("demo", 3, true, "@SUM(1+1)"));
    bench.put(article_vote("other-shop", 4, false, "-2+3"));

    const auto csv = bench.staff("GET", "/api/v1/staff/feedback.csv?site=demo");
    REQUIRE(csv.status == 200);
    CHECK(csv.header("Content-Type") == "text/csv; charset=utf-8");
    CHECK(csv.header("Content-Disposition") == "attachment; filename=\"feedback-2025-12-05.csv\"");
    CHECK(csv.header("X-Export-Rows") == "3");
    CHECK(csv.header("Cache-Control") == "no-store");
    const std::string& body = csv.body;
    CHECK(body.starts_with("\xEF\xBB\xBFid,received_at,site,kind,subject,helpful,"));
    CHECK(body.find("\r\n3,2025-12-04T") != std::string::npos); // newest first
    CHECK(body.find(",\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\",") != std::string::npos);
    CHECK(body.find(",\"Line one,\nline \"\"two\"\" — שלום\",") != std::string::npos);
    CHECK(body.find(",'@SUM(1+1),") != std::string::npos);
    CHECK(body.find("-2+3") == std::string::npos); // another site's, not asked for
    std::size_t lines = 0;
    for (std::size_t at = body.find("\r\n"); at != std::string::npos; at = body.find("\r\n", at + 2))
        ++lines;
    CHECK(lines == 4); // the header and three rows; the comment's own line break is inside quotes
}

TEST_CASE("staff feedback API: Insights answers the figures for a site and a time range",
          "[staff][api][feedback]") {
    StaffApiBench bench;
    bench.put(article_vote("demo", 1, false));
    bench.put(article_vote("demo", 2, true));
    auto miss = article_vote("demo", 3, false);
    miss.submission.kind = protocol::FeedbackKind::SearchMiss;
    miss.submission.subject = "gift wrap";
    miss.submission.helpful.reset();
    bench.put(miss);

    auto insights = bench.staff_json("GET", "/api/v1/staff/insights?site=demo");
    CHECK(insights["total"] == 3);
    REQUIRE(insights["articles"].size() == 1);
    CHECK(insights["articles"][0] ==
          nlohmann::json{{"article_id", "shipping-policy"}, {"helpful", 1}, {"not_helpful", 1}});
    CHECK(insights["unanswered_searches"][0]["query"] == "gift wrap");
    CHECK(insights["per_day"][0]["day_start_ms"] == 1'764'806'400'000); // 2025-12-04 UTC
    insights = bench.staff_json("GET", "/api/v1/staff/insights?site=demo&from=2025-12-05");
    CHECK(insights["total"] == 0);
    CHECK(bench.staff("GET", "/api/v1/staff/insights?top=0").status == 400);
}
