#include "catch_amalgamated.hpp"

#include "router_answer.h"
#include "server/middleware/public_cross_origin.h"
#include "server/routes.h"
#include "server/static/static_files.h"
#include "temp_dir.h"

#include <memory>

using support::server::testing::answer;

using namespace support::server;
using support::server::test::TempDir;

namespace {

HttpRequest request(std::string method, std::string target, HeaderList headers = {}) {
    return HttpRequest{std::move(method), std::move(target), std::move(headers), {}};
}

void check_public_cross_origin(const HttpResponse& response) {
    CHECK(response.header("Access-Control-Allow-Origin") == "*");
    CHECK(response.header("Cross-Origin-Resource-Policy") == "cross-origin");
    // One answer for every origin: caches must not key it on Origin, and no credentials are allowed.
    CHECK_FALSE(response.has_header("Access-Control-Allow-Credentials"));
    CHECK(response.header("Vary").find("Origin") == std::string_view::npos);
}

Router store_router(const TempDir& dir) {
    dir.write("dist/support-widget.js", "/* loader */");
    dir.write("dist/support-widget-core.0123456789.wasm", "\0asm");
    dir.write("dist/fonts/noto-sans-latin.0123456789.ttf", "font");
    auto files = StaticFiles::open({{"/", dir.path() / "dist"}});
    REQUIRE(files.has_value());
    return make_routes(std::make_shared<const StaticFiles>(std::move(*files)));
}

} // namespace

TEST_CASE("the loader, core, fonts and their errors are readable from another origin", "[cors]") {
    TempDir dir;
    const Router router = store_router(dir);
    const HeaderList from_store{{"Origin", "http://shop.example"}};
    for (const char* target : {"/support-widget.js", "/support-widget-core.0123456789.wasm",
                               "/fonts/noto-sans-latin.0123456789.ttf", "/missing.js"}) {
        INFO(target);
        check_public_cross_origin(answer(router, request("GET", target, from_store)));
        check_public_cross_origin(answer(router, request("HEAD", target, from_store)));
    }
}

TEST_CASE("the content API is readable from another origin, unknown sites included", "[cors]") {
    TempDir dir;
    const Router router = store_router(dir);
    const auto response = answer(
        router, request("GET", "/api/v1/sites/nowhere/content?locale=en", {{"Origin", "http://a.test"}}));
    CHECK(response.status == 404);
    check_public_cross_origin(response);
    // The widget keeps the content's ETag to revalidate it; static files need no exposed header.
    CHECK(response.header("Access-Control-Expose-Headers") == "ETag");
    CHECK_FALSE(
        answer(router, request("GET", "/support-widget.js")).has_header("Access-Control-Expose-Headers"));
}

TEST_CASE("a CORS preflight for GET is answered without reaching the handler", "[cors]") {
    bool reached = false;
    const auto handler = allow_public_cross_origin([&](const HttpRequest&) {
        reached = true;
        return HttpResponse{};
    });
    const auto response = handler(request("OPTIONS", "/support-widget.js",
                                          {{"Origin", "http://shop.example"},
                                           {"Access-Control-Request-Method", "GET"},
                                           {"Access-Control-Request-Headers", "x-requested-with"}}))
                              .wait();
    CHECK_FALSE(reached);
    CHECK(response.status == 204);
    CHECK(response.header("Access-Control-Allow-Methods") == "GET, HEAD");
    CHECK(response.header("Access-Control-Allow-Headers") == "x-requested-with");
    CHECK(response.header("Access-Control-Max-Age") == "86400");
    check_public_cross_origin(response);
}

TEST_CASE("a CORS preflight for a write is refused with its own error id", "[cors]") {
    const auto handler = allow_public_cross_origin([](const HttpRequest&) { return HttpResponse{}; });
    const auto response =
        handler(request("OPTIONS", "/support-widget.js",
                        {{"Origin", "http://shop.example"}, {"Access-Control-Request-Method", "PUT"}}))
            .wait();
    CHECK(response.status == 405);
    CHECK(response.header("Allow") == "GET, HEAD");
    CHECK(response.body.find("server.cors.method_not_allowed") != std::string::npos);
}

TEST_CASE("an OPTIONS request that is not a preflight reaches the handler", "[cors]") {
    TempDir dir;
    const Router router = store_router(dir);
    const auto response = answer(router, request("OPTIONS", "/support-widget.js"));
    CHECK(response.status == 405);
    check_public_cross_origin(response);
}

TEST_CASE("/healthz is not a public cross-origin resource", "[cors]") {
    TempDir dir;
    const Router router = store_router(dir);
    CHECK_FALSE(answer(router, request("GET", "/healthz", {{"Origin", "http://a.test"}}))
                    .has_header("Access-Control-Allow-Origin"));
}
