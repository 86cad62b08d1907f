// parse_json: the non-throwing parse every WebAssembly-side reader uses.
#include "catch_amalgamated.hpp"

#include "shared/core/parse_json.h"

#include <string>

using support::parse_json;

TEST_CASE("parse_json returns the document for valid JSON") {
    const nlohmann::json doc = parse_json(R"({"a": [1, "two", {"b": null}], "ü": true})");
    REQUIRE(doc.is_object());
    CHECK(doc["a"][1] == "two");
    CHECK(doc["a"][2]["b"].is_null());
    CHECK(doc["ü"] == true);
    CHECK(parse_json("  42 ").get<int>() == 42);
}

TEST_CASE("parse_json gives a discarded value, never an exception, for anything else") {
    for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "tru", "\"unterminated", "[1] [2]", "{} x", "\xFF"})
        CHECK(parse_json(bad).is_discarded());
}

TEST_CASE("parse_json takes deeply nested input without recursion trouble") {
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    CHECK(parse_json(deep).is_array());
    CHECK(parse_json(std::string(100000, '[')).is_discarded());
}
