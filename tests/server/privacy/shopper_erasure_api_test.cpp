// Forgetting a shopper through the route table, on a real SQLite store: feedback sent with a shopper
// key (stored as its digest only) is deleted when that key asks, from an allowed store page.

#include "catch_amalgamated.hpp"

#include "router_answer.h"
#include "server/routes.h"
#include "server/static/static_files.h"
#include "server/storage/storage.h"
#include "temp_dir.h"

#include <nlohmann/json.hpp>

#include <sqlite3.h>

#include <memory>
#include <string>

using namespace support;
using namespace support::server;
using support::server::test::TempDir;
using support::server::testing::answer;

namespace {

const std::string k_store = "https://shop.example";
const std::string k_key = "0b7e6f1c-3d2a-4c5b-9e8f-0a1b2c3d4e5f";
const std::string k_other_key = "1c0b7e6f-3d2a-4c5b-9e8f-0a1b2c3d4e5f";

std::string vote(int n, const std::string& shopper_key) {
    return R"({"client_id":"6f1c2a3b-4d5e-4f60-8a7b-00000000000)" + std::to_string(n) +
           R"(","kind":"page","topic":"Returns","locale":"he","client_time_ms":1,"helpful":false,)"
           R"("comment":"אין מידע","shopper_key":")" +
           shopper_key + R"("})";
}

struct ErasureSite {
    TempDir dir;
    std::shared_ptr<Storage> storage;
    Router router;

    explicit ErasureSite(RateLimit per_ip = {.burst = 10, .per_minute = 10}) {
        dir.write("site/index.html", "<h1>shop</h1>");
        auto files = StaticFiles::open({{"/", dir.path() / "site"}});
        REQUIRE(files.has_value());
        storage = std::move(open_storage((dir.path() / "var" / "support.db").string()).value());
        SiteSettings demo;
        demo.allowed_origins = {{"https", "shop.example", ""}};
        std::map<std::string, SiteSettings, std::less<>> sites{{"demo", demo}};
        ServiceClocks clocks{[] { return std::int64_t{1'764'825'060'000}; }, [] { return std::int64_t{0}; }};
        router = make_routes(RouteHandlers{
            .static_files = std::make_shared<const StaticFiles>(std::move(*files)),
            .feedback = std::make_shared<const FeedbackApi>(storage, sites, FeedbackLimits{}, clocks),
            .shopper_erasure = std::make_shared<const ShopperErasureApi>(storage, sites, nullptr, per_ip, clocks),
        });
    }
    ~ErasureSite() { storage->close(); }

    HttpResponse post(std::string target, std::string body, std::string origin = k_store,
                      std::string content_type = "application/json") {
        HeaderList headers{{"Origin", std::move(origin)}};
        if (!content_type.empty())
            headers.emplace_back("Content-Type", std::move(content_type));
        HttpRequest request{"POST", std::move(target), std::move(headers), std::move(body)};
        request.remote_address = "203.0.113.7";
        return answer(router, request);
    }
    HttpResponse forget(const std::string& body, std::string origin = k_store,
                        std::string content_type = "application/json") {
        return post("/api/v1/sites/demo/shopper/forget", body, std::move(origin), std::move(content_type));
    }
};

std::string error_code(const HttpResponse& response) {
    return nlohmann::json::parse(response.body_bytes()).at("error").at("code").get<std::string>();
}

} // namespace

TEST_CASE("forget: the shopper's feedback is deleted and counted; another browser's stays; the key itself "
          "is never stored",
          "[shopper_erasure]") {
    ErasureSite site;
    REQUIRE(site.post("/api/v1/sites/demo/feedback", vote(1, k_key)).status == 201);
    REQUIRE(site.post("/api/v1/sites/demo/feedback", vote(2, k_key)).status == 201);
    REQUIRE(site.post("/api/v1/sites/demo/feedback", vote(3, k_other_key)).status == 201);
    const auto stored = site.storage->find_feedback_by_client_id("demo", "6f1c2a3b-4d5e-4f60-8a7b-000000000001");
    REQUIRE(stored.value());
    CHECK(stored.value()->submission.shopper_key.empty());
    {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open((site.dir.path() / "var" / "support.db").c_str(), &db) == SQLITE_OK);
        sqlite3_stmt* statement = nullptr;
        REQUIRE(sqlite3_prepare_v2(db, "SELECT count(*) FROM feedback WHERE payload LIKE '%0b7e6f1c%'", -1,
                                   &statement, nullptr) == SQLITE_OK);
        REQUIRE(sqlite3_step(statement) == SQLITE_ROW);
        CHECK(sqlite3_column_int(statement, 0) == 0);
        sqlite3_finalize(statement);
        sqlite3_close(db);
    }

    const auto forgotten = site.forget(R"({"shopper_key":")" + k_key + R"("})");
    REQUIRE(forgotten.status == 200);
    CHECK(forgotten.header("Access-Control-Allow-Origin") == k_store);
    const auto body = nlohmann::json::parse(forgotten.body_bytes());
    CHECK(body.at("feedback_deleted") == 2);
    CHECK(body.at("conversations_deleted") == 0);
    CHECK(site.storage->count_feedback("demo").value() == 1);
    // The key in upper case is the same key; there is nothing left for it.
    std::string upper = k_key;
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(nlohmann::json::parse(site.forget(R"({"shopper_key":")" + upper + R"("})").body_bytes())
              .at("feedback_deleted") == 0);
}

TEST_CASE("forget: refusals name the field; a foreign page deletes nothing", "[shopper_erasure]") {
    ErasureSite site;
    REQUIRE(site.post("/api/v1/sites/demo/feedback", vote(1, k_key)).status == 201);
    CHECK(error_code(site.forget(R"({"shopper_key":"not-a-uuid"})")) == "api.forget.invalid_shopper_key");
    CHECK(error_code(site.forget("{}")) == "api.forget.missing_field");
    CHECK(error_code(site.forget("[")) == "api.forget.invalid_json");
    CHECK(error_code(site.forget(R"({"shopper_key":")" + k_key + R"("})", k_store, "text/plain")) ==
          "api.forget.not_json");
    const auto foreign = site.forget(R"({"shopper_key":")" + k_key + R"("})", "https://evil.example");
    CHECK(foreign.status == 403);
    HttpRequest get{"GET", "/api/v1/sites/demo/shopper/forget", {}, {}};
    CHECK(answer(site.router, get).status == 405);
    CHECK(site.storage->count_feedback("demo").value() == 1);
}

TEST_CASE("forget: 429 with Retry-After once a client asks too often", "[shopper_erasure]") {
    ErasureSite site({.burst = 2, .per_minute = 2});
    const std::string body = R"({"shopper_key":")" + k_key + R"("})";
    CHECK(site.forget(body).status == 200);
    CHECK(site.forget(body).status == 200);
    const auto limited = site.forget(body);
    CHECK(limited.status == 429);
    CHECK(limited.has_header("Retry-After"));
}
