#include "catch_amalgamated.hpp"

#include "router_answer.h"
#include "server/routes.h"
#include "server/static/static_files.h"
#include "temp_dir.h"

#include <memory>
#include <stdexcept>

using support::server::testing::answer;

using namespace support::server;
using support::server::test::TempDir;

namespace {

Router site_router(const TempDir& dir) {
    dir.write("site/index.html", "<h1>shop</h1>");
    dir.write("site/healthz", "a file that the route must win over");
    auto files = StaticFiles::open({{"/", dir.path() / "site"}});
    REQUIRE(files.has_value());
    return make_routes(std::make_shared<const StaticFiles>(std::move(*files)));
}

HttpRequest request(std::string method, std::string target) {
    return HttpRequest{std::move(method), std::move(target), {}, {}};
}

} // namespace

TEST_CASE("GET /healthz answers 200 {\"status\":\"ok\"} as JSON", "[routes]") {
    TempDir dir;
    const Router router = site_router(dir);
    const auto response = answer(router, request("GET", "/healthz"));
    CHECK(response.status == 200);
    CHECK(response.header("Content-Type") == "application/json");
    CHECK(response.body_bytes() == R"({"status":"ok"})");
    CHECK(response.header("X-Content-Type-Options") == "nosniff");
    CHECK(answer(router, request("GET", "/healthz?probe=1")).body_bytes() == R"({"status":"ok"})");
}

TEST_CASE("HEAD /healthz has no body; POST /healthz is 405", "[routes]") {
    TempDir dir;
    const Router router = site_router(dir);
    const auto head = answer(router, request("HEAD", "/healthz"));
    CHECK(head.status == 200);
    CHECK(head.body_bytes().empty());
    CHECK(head.head_content_length == std::optional<std::uint64_t>(15));

    const auto post = answer(router, request("POST", "/healthz"));
    CHECK(post.status == 405);
    CHECK(post.header("Allow") == "GET, HEAD");
}

TEST_CASE("paths without a route fall back to static files", "[routes]") {
    TempDir dir;
    const Router router = site_router(dir);
    CHECK(answer(router, request("GET", "/")).body_bytes() == "<h1>shop</h1>");
    CHECK(answer(router, request("GET", "/missing")).status == 404);
}

TEST_CASE("every response carries X-Content-Type-Options: nosniff", "[routes]") {
    TempDir dir;
    const Router router = site_router(dir);
    for (const char* target : {"/", "/healthz", "/missing", "/../x", "//x"}) {
        INFO(target);
        CHECK(answer(router, request("GET", target)).header("X-Content-Type-Options") == "nosniff");
    }
}

TEST_CASE("a handler that throws becomes a 500 JSON error", "[routes]") {
    Router router;
    router.add("/boom", [](const HttpRequest&) -> HttpResponse { throw std::runtime_error("boom"); });
    const auto response = answer(router, request("GET", "/boom"));
    CHECK(response.status == 500);
    CHECK(response.body_bytes().find("server.internal") != std::string::npos);
    CHECK(response.header("X-Content-Type-Options") == "nosniff");
    CHECK(answer(router, request("GET", "/unrouted")).status == 404);
}

TEST_CASE("a {name} segment in a route matches exactly one non-empty segment", "[routes]") {
    Router router;
    router.add("/api/v1/sites/{site}/content", [](const HttpRequest& r) {
        HttpResponse response;
        response.body = "content for " + r.target;
        return response;
    });
    CHECK(answer(router, request("GET", "/api/v1/sites/demo/content?locale=en")).body_bytes() ==
          "content for /api/v1/sites/demo/content?locale=en");
    CHECK(answer(router, request("GET", "/api/v1/sites/other-shop/content")).status == 200);
    CHECK(answer(router, request("GET", "/api/v1/sites//content")).status == 404);
    CHECK(answer(router, request("GET", "/api/v1/sites/a/b/content")).status == 404);
    CHECK(answer(router, request("GET", "/api/v1/sites/demo/content/")).status == 404);
    CHECK(answer(router, request("GET", "/api/v1/sites/demo")).status == 404);
}

TEST_CASE("console pages run only our code and are never framed; store pages are not restricted",
          "[routes]") {
    TempDir dir;
    dir.write("site/console/index.html", "<h1>console</h1>");
    dir.write("site/consoles.html", "<h1>not the console</h1>");
    dir.write("site/index.html", "<h1>shop</h1>");
    auto files = StaticFiles::open({{"/", dir.path() / "site"}});
    REQUIRE(files.has_value());
    const Router router = make_routes(std::make_shared<const StaticFiles>(std::move(*files)));
    for (const char* target : {"/console/", "/console", "/console/missing.js"}) {
        INFO(target);
        const auto response = answer(router, request("GET", target));
        const std::string csp(response.header("Content-Security-Policy"));
        CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
        CHECK(csp.find("script-src 'self' 'wasm-unsafe-eval'") != std::string::npos);
        CHECK(csp.find("unsafe-inline") == std::string::npos);
        CHECK(response.header("X-Frame-Options") == "DENY");
        CHECK_FALSE(response.has_header("Access-Control-Allow-Origin"));
    }
    CHECK(answer(router, request("GET", "/console/")).body_bytes() == "<h1>console</h1>");
    for (const char* target : {"/", "/consoles.html"}) {
        INFO(target);
        const auto response = answer(router, request("GET", target));
        CHECK(response.status == 200);
        CHECK_FALSE(response.has_header("Content-Security-Policy"));
        CHECK(response.header("Access-Control-Allow-Origin") == "*");
    }
}
