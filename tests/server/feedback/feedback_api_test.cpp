// The feedback API through the route table, on a real SQLite store in a temporary folder, with
// stepped clocks for the rate limits.

#include "catch_amalgamated.hpp"

#include "router_answer.h"
#include "server/content/shopper_identity_check.h"
#include "server/routes.h"
#include "server/static/static_files.h"
#include "server/storage/storage.h"
#include "temp_dir.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <memory>
#include <string>

using namespace support;
using namespace support::server;
using support::server::test::TempDir;
using support::server::testing::answer;

namespace {

const std::string k_id = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
const std::string k_store = "https://shop.example";
const std::string k_identity_secret = "the store's own secret, 32 bytes";

std::string article_no(const std::string& id = k_id, const std::string& comment = "Nothing about Eilat") {
    return R"({"client_id":")" + id +
           R"(","kind":"article_helpful","locale":"he","client_time_ms":1764825059123,"article_id":"shipping-policy","helpful":false,"comment":")" +
           comment +
           R"(","context":{"page":{"url":"https://shop.example/p/mug?email=a@b.c","title":"Mug"}}})";
}

struct FeedbackSite {
    TempDir dir;
    std::shared_ptr<Storage> storage;
    Router router;
    std::atomic<std::int64_t> now_ms{1'000'000};

    explicit FeedbackSite(FeedbackLimits limits = {}) {
        dir.write("site/index.html", "<h1>shop</h1>");
        auto files = StaticFiles::open({{"/", dir.path() / "site"}});
        REQUIRE(files.has_value());
        storage = std::move(open_storage((dir.path() / "var" / "support.db").string()).value());
        SiteSettings demo;
        demo.allowed_origins = {{"https", "shop.example", ""}, {"http", "127.0.0.1", "*"}};
        demo.identity_secret = k_identity_secret;
        std::map<std::string, SiteSettings, std::less<>> sites{{"demo", demo}, {"closed", SiteSettings{}}};
        ServiceClocks clocks{[] { return std::int64_t{1'764'825'060'000}; },
                             [this] { return now_ms.load(); }};
        router = make_routes(std::make_shared<const StaticFiles>(std::move(*files)), nullptr,
                             std::make_shared<const FeedbackApi>(storage, std::move(sites), limits, clocks));
    }
    ~FeedbackSite() { storage->close(); }

    HttpResponse post(std::string body, HeaderList headers = {{"Content-Type", "application/json"}},
                      std::string target = "/api/v1/sites/demo/feedback", std::string ip = "203.0.113.7") {
        HttpRequest request{"POST", std::move(target), std::move(headers), std::move(body)};
        request.remote_address = std::move(ip);
        return answer(router, request);
    }
};

std::string error_code(const HttpResponse& response) {
    return nlohmann::json::parse(response.body_bytes()).at("error").at("code").get<std::string>();
}

std::string error_field(const HttpResponse& response) {
    const auto error = nlohmann::json::parse(response.body_bytes()).at("error");
    return error.contains("field") ? error.at("field").get<std::string>() : "";
}

} // namespace

TEST_CASE("feedback: a vote is stored once and answered 201 with a receipt; the same id again gets the same "
          "receipt with 200",
          "[feedback_api]") {
    FeedbackSite site;
    const auto first = site.post(article_no());
    REQUIRE(first.status == 201);
    const auto receipt = nlohmann::json::parse(first.body_bytes());
    CHECK(receipt.at("client_id") == k_id);
    CHECK(receipt.at("duplicate") == false);
    CHECK(receipt.at("received_at_ms") == 1'764'825'060'000);

    const auto again = site.post(article_no());
    CHECK(again.status == 200);
    const auto repeated = nlohmann::json::parse(again.body_bytes());
    CHECK(repeated.at("feedback_id") == receipt.at("feedback_id"));
    CHECK(repeated.at("duplicate") == true);
    CHECK(site.storage->count_feedback("demo").value() == 1);

    const auto stored = site.storage->find_feedback_by_client_id("demo", k_id).value();
    REQUIRE(stored.has_value());
    CHECK(stored->submission.comment == "Nothing about Eilat");
    CHECK(stored->submission.context.page_url == "https://shop.example/p/mug"); // query string dropped
}

TEST_CASE("feedback: a card number or IBAN in a comment is stored masked", "[feedback_api]") {
    FeedbackSite site;
    const auto response =
        site.post(article_no(k_id, "refund to DE89 3704 0044 0532 0130 00 not card 4012888888881881"));
    REQUIRE(response.status == 201);
    const auto stored = site.storage->find_feedback_by_client_id("demo", k_id).value();
    REQUIRE(stored);
    CHECK(stored->submission.comment == "refund to [IBAN DE…3000] not card [card …1881]");
}

TEST_CASE("feedback: a shopper's identity is stored verified only when the site's HMAC matches, without the "
          "hash",
          "[feedback_api]") {
    FeedbackSite site;
    const auto send = [&](const std::string& id, const std::string& identity) {
        const std::string body =
            R"({"client_id":")" + id +
            R"(","kind":"page","topic":"Returns","locale":"en","client_time_ms":1,"helpful":true,"context":{"shopper":)" +
            identity + "}}";
        REQUIRE(site.post(body).status == 201);
        const auto stored = site.storage->find_feedback_by_client_id("demo", id).value();
        REQUIRE(stored);
        REQUIRE(stored->submission.context.shopper);
        CHECK(stored->submission.context.shopper->hash.empty());
        return *stored->submission.context.shopper;
    };
    const std::string signed_hash = identity_hash(k_identity_secret, "c-1042");
    const auto signed_identity =
        send("6f1c2a3b-4d5e-4f60-8a7b-000000000001",
             R"({"id":"c-1042","email":"dana@example.com","name":"Dana","hash":")" + signed_hash + R"("})");
    CHECK(signed_identity.verified);
    CHECK(signed_identity.email == "dana@example.com");
    // Someone else's id with that hash, no hash, and a browser claiming "verified" are not verified.
    CHECK_FALSE(
        send("6f1c2a3b-4d5e-4f60-8a7b-000000000002", R"({"id":"c-1043","hash":")" + signed_hash + R"("})")
            .verified);
    CHECK_FALSE(send("6f1c2a3b-4d5e-4f60-8a7b-000000000003", R"({"id":"c-1042"})").verified);
    CHECK_FALSE(send("6f1c2a3b-4d5e-4f60-8a7b-000000000004", R"({"id":"c-1042","verified":true})").verified);
    // A hash that is not 64 hex digits is refused with the field at fault.
    const auto bad = site.post(
        R"({"client_id":"6f1c2a3b-4d5e-4f60-8a7b-000000000005","kind":"page","locale":"en",)"
        R"("topic":"Returns","client_time_ms":1,"helpful":true,"context":{"shopper":{"id":"c-1","hash":"abc"}}})");
    CHECK(bad.status == 400);
    CHECK(error_field(bad) == "/context/shopper/hash");
}

TEST_CASE("feedback: the same client id with other content is 409, and nothing is overwritten",
          "[feedback_api]") {
    FeedbackSite site;
    REQUIRE(site.post(article_no()).status == 201);
    const auto reused = site.post(article_no(k_id, "something else"));
    CHECK(reused.status == 409);
    CHECK(error_code(reused) == "api.feedback.client_id_reused");
    CHECK(error_field(reused) == "/client_id");
    CHECK(site.storage->find_feedback_by_client_id("demo", k_id).value()->submission.comment ==
          "Nothing about Eilat");
}

TEST_CASE("feedback: every refusal has its status, stable code and the field at fault", "[feedback_api]") {
    FeedbackSite site;
    struct Case {
        HttpResponse response;
        unsigned status;
        std::string code;
        std::string field;
    };
    const HeaderList json{{"Content-Type", "application/json"}};
    const Case cases[] = {
        {site.post(R"({"client_id":5})"), 400, "api.feedback.wrong_type", "/client_id"},
        {site.post(article_no(k_id, "bad \xC3\x28 byte")), 400, "api.feedback.invalid_utf8", "/comment"},
        {site.post(article_no(k_id, std::string(5000, 'a'))), 400, "api.feedback.too_long", "/comment"},
        {site.post("not json"), 400, "api.feedback.invalid_json", ""},
        {site.post(article_no(), json, "/api/v1/sites/nowhere/feedback"), 404, "api.site.not_found", "site"},
        {site.post(article_no(k_id, std::string(15000, 'a') + std::string(2000, 'b'))), 413,
         "api.feedback.too_large", "body"},
        {site.post(article_no(), {{"Content-Type", "text/plain"}}), 415, "api.feedback.not_json",
         "Content-Type"},
        {site.post(article_no(), {}), 415, "api.feedback.not_json", "Content-Type"},
    };
    for (const Case& c : cases) {
        INFO(c.code << ": " << c.response.body_bytes());
        CHECK(c.response.status == c.status);
        CHECK(c.response.header("Content-Type") == "application/json");
        CHECK(error_code(c.response) == c.code);
        CHECK(error_field(c.response) == c.field);
    }
    HttpRequest get{"GET", "/api/v1/sites/demo/feedback", {}, {}};
    const auto not_allowed = answer(site.router, get);
    CHECK(not_allowed.status == 405);
    CHECK(not_allowed.header("Allow") == "POST, OPTIONS");
    CHECK(error_code(not_allowed) == "api.feedback.method_not_allowed");
    CHECK(site.storage->count_feedback("demo").value() == 0);
    // Charset parameters are fine.
    CHECK(site.post(article_no(), {{"Content-Type", "Application/JSON; charset=utf-8"}}).status == 201);
}

TEST_CASE("feedback: unknown fields are ignored", "[feedback_api]") {
    FeedbackSite site;
    std::string body = article_no();
    body.insert(1, R"("from_a_newer_widget":{"x":[1,2]},)");
    CHECK(site.post(body).status == 201);
}

TEST_CASE("feedback: a preflight from an allowed store origin is answered with that origin, never *; a "
          "foreign origin is refused",
          "[feedback_api]") {
    FeedbackSite site;
    auto preflight = [&](std::string origin, std::string target = "/api/v1/sites/demo/feedback") {
        return answer(site.router, HttpRequest{"OPTIONS",
                                               std::move(target),
                                               {{"Host", "support.example"},
                                                {"Origin", std::move(origin)},
                                                {"Access-Control-Request-Method", "POST"},
                                                {"Access-Control-Request-Headers", "content-type"}},
                                               {}});
    };
    const auto allowed = preflight(k_store);
    CHECK(allowed.status == 204);
    CHECK(allowed.header("Access-Control-Allow-Origin") == k_store);
    CHECK(allowed.header("Vary") == "Origin");
    CHECK(allowed.header("Access-Control-Allow-Methods") == "POST");
    CHECK(allowed.header("Access-Control-Allow-Headers") == "Content-Type");
    CHECK(preflight("http://127.0.0.1:43817").header("Access-Control-Allow-Origin") ==
          "http://127.0.0.1:43817");

    for (const char* foreign : {"https://evil.example", "https://shop.example.evil.example",
                                "http://shop.example", "null", "https://shop.example:8443"}) {
        INFO(foreign);
        const auto refused = preflight(foreign);
        CHECK(refused.status == 403);
        CHECK_FALSE(refused.has_header("Access-Control-Allow-Origin"));
        CHECK(error_code(refused) == "api.cors.origin_not_allowed");
    }
    // A site without allowed_origins takes feedback only from pages the server itself serves.
    CHECK(preflight(k_store, "/api/v1/sites/closed/feedback").status == 403);
    CHECK(preflight("https://support.example", "/api/v1/sites/closed/feedback").status == 204);
}

TEST_CASE("feedback: a POST from a foreign page stores nothing; an allowed page can read its receipt",
          "[feedback_api]") {
    FeedbackSite site;
    const auto foreign =
        site.post(article_no(), {{"Content-Type", "application/json"}, {"Origin", "https://evil.example"}});
    CHECK(foreign.status == 403);
    CHECK(site.storage->count_feedback("demo").value() == 0);
    const auto allowed = site.post(article_no(), {{"Content-Type", "application/json"}, {"Origin", k_store}});
    CHECK(allowed.status == 201);
    CHECK(allowed.header("Access-Control-Allow-Origin") == k_store);
    // Errors too, so the page's outbox can tell a bad event from a server that is down.
    const auto bad = site.post("{}", {{"Content-Type", "application/json"}, {"Origin", k_store}});
    CHECK(bad.status == 400);
    CHECK(bad.header("Access-Control-Allow-Origin") == k_store);
}

TEST_CASE("feedback: 429 with Retry-After once a client's bucket is empty, per IP, then recovery",
          "[feedback_api]") {
    FeedbackLimits limits;
    limits.per_client_ip = {.burst = 3, .per_minute = 6}; // one token every 10 s
    FeedbackSite site(limits);
    auto event = [](int n) {
        std::string id = k_id;
        id.back() = static_cast<char>('0' + n);
        return article_no(id);
    };
    for (int n = 0; n < 3; ++n)
        REQUIRE(site.post(event(n)).status == 201);
    const auto limited = site.post(event(3));
    CHECK(limited.status == 429);
    CHECK(error_code(limited) == "api.rate_limited");
    CHECK(limited.header("Retry-After") == "10");
    // Another shopper is not held up by this one.
    CHECK(site.post(event(4), {{"Content-Type", "application/json"}}, "/api/v1/sites/demo/feedback",
                    "198.51.100.9")
              .status == 201);
    site.now_ms += 10'000;
    CHECK(site.post(event(3)).status == 201);
    CHECK(site.post(event(5)).status == 429);
}

TEST_CASE("feedback: IPv6 shoppers are counted by their /64, so a new address per request gains nothing",
          "[feedback_api]") {
    FeedbackLimits limits;
    limits.per_client_ip = {.burst = 2, .per_minute = 1};
    FeedbackSite site(limits);
    auto event = [](int n) {
        std::string id = k_id;
        id.back() = static_cast<char>('0' + n);
        return article_no(id);
    };
    const HeaderList json_body{{"Content-Type", "application/json"}};
    const std::string target = "/api/v1/sites/demo/feedback";
    CHECK(site.post(event(0), json_body, target, "2001:db8:0:1::a").status == 201);
    CHECK(site.post(event(1), json_body, target, "2001:db8:0:1::b").status == 201);
    CHECK(site.post(event(2), json_body, target, "2001:db8:0:1:ffff::c").status == 429);
    CHECK(site.post(event(3), json_body, target, "2001:db8:0:2::a").status == 201); // another household
}

TEST_CASE("feedback: a site's bucket limits all its clients together", "[feedback_api]") {
    FeedbackLimits limits;
    limits.per_site = {.burst = 2, .per_minute = 60};
    FeedbackSite site(limits);
    auto from = [&](int n) {
        std::string id = k_id;
        id.back() = static_cast<char>('0' + n);
        return site.post(article_no(id), {{"Content-Type", "application/json"}},
                         "/api/v1/sites/demo/feedback", "198.51.100." + std::to_string(n));
    };
    CHECK(from(1).status == 201);
    CHECK(from(2).status == 201);
    const auto limited = from(3);
    CHECK(limited.status == 429);
    CHECK(limited.header("Retry-After") == "1");
}
