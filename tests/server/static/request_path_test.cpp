#include "catch_amalgamated.hpp"

#include "server/static/request_path.h"

#include <string>
#include <string_view>
#include <vector>

using namespace support::server;

TEST_CASE("request paths split into decoded segments", "[request_path]") {
    auto path = parse_request_path("/assets/support%20widget.js?v=3#frag");
    REQUIRE(path.has_value());
    CHECK(path->segments == std::vector<std::string>{"assets", "support widget.js"});
    CHECK_FALSE(path->trailing_slash);
}

TEST_CASE("the root and directory paths end with a slash", "[request_path]") {
    auto root = parse_request_path("/");
    REQUIRE(root.has_value());
    CHECK(root->segments.empty());
    CHECK(root->trailing_slash);

    auto directory = parse_request_path("/docs/?x=1");
    REQUIRE(directory.has_value());
    CHECK(directory->segments == std::vector<std::string>{"docs"});
    CHECK(directory->trailing_slash);
}

TEST_CASE("dots inside names are fine, dot segments are not", "[request_path]") {
    auto path = parse_request_path("/a..b/support-widget-core.3fa9c2d1e0.wasm");
    REQUIRE(path.has_value());
    CHECK(path->segments == std::vector<std::string>{"a..b", "support-widget-core.3fa9c2d1e0.wasm"});
}

TEST_CASE("traversal-shaped and malformed targets are refused as server.static.bad_path", "[request_path]") {
    const std::string_view refused[] = {
        "/../secret.txt",
        "/a/../../secret.txt",
        "/./index.html",
        "/%2e%2e/secret.txt",
        "/%2E%2e/secret.txt",
        "/.%2e/secret.txt",
        "/%2e./secret.txt",
        "/%2e",
        "/..%2fsecret.txt",
        "/..%2Fsecret.txt",
        "/a/%2e%2e%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "/%5c..%5csecret.txt",
        "/a%5Cb",
        "/%00",
        "/index.html%00.txt",
        std::string_view("/a\0b", 4),
        "/a%0d%0aSet-Cookie:x",
        "//etc/passwd",
        "/a//b",
        "http://x/../secret.txt",
        "http://x/index.html",
        "x/index.html",
        "*",
        "",
        "/%",
        "/%4",
        "/%zz",
        "/%g0",
    };
    for (std::string_view target : refused) {
        INFO("target '" << std::string(target) << "'");
        auto path = parse_request_path(target);
        REQUIRE_FALSE(path.has_value());
        CHECK(path.error().code == "server.static.bad_path");
        CHECK(path.error().field == "path");
    }
}

TEST_CASE("the query string is not part of the path", "[request_path]") {
    auto path = parse_request_path("/index.html?file=../secret.txt");
    REQUIRE(path.has_value());
    CHECK(path->segments == std::vector<std::string>{"index.html"});
}
