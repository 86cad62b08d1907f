#include "catch_amalgamated.hpp"

#include "server/http/json_error.h"

using namespace support::server;

TEST_CASE("error bodies carry code, message and field as JSON", "[json_error]") {
    CHECK(error_json(support::make_error("server.static.not_found", "no such file", "path")) ==
          R"({"error":{"code":"server.static.not_found","message":"no such file","field":"path"}})");
    CHECK(error_json(support::make_error("server.internal", "oops")) ==
          R"({"error":{"code":"server.internal","message":"oops"}})");
}

TEST_CASE("error bodies escape quotes, backslashes and control characters", "[json_error]") {
    CHECK(json_quote("a\"b\\c\nd\x01") == R"("a\"b\\c\nd\u0001")");
}

TEST_CASE("error responses are JSON and never cached", "[json_error]") {
    const auto response = error_response(404, support::make_error("server.static.not_found", "no such file"));
    CHECK(response.status == 404);
    CHECK(response.header("Content-Type") == "application/json");
    CHECK(response.header("Cache-Control") == "no-store");
}
