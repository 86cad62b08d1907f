#include "shared/core/protocol/wire_fields.h"

#include "catch_amalgamated.hpp"

using namespace support;
using namespace support::protocol;

TEST_CASE("Invalid UTF-8 in a key names that key") {
    auto parsed = parse_wire_object("{\"ok\":\"fine\",\"k\xE2\x82\":1}", "api.test");
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == "api.test.invalid_utf8");
    // Each invalid byte shows as U+FDD0 in the pointer.
    CHECK(parsed.error().field == "/k\xEF\xB7\x90\xEF\xB7\x90");
}

TEST_CASE("Invalid UTF-8 inside an array names its index") {
    auto parsed = parse_wire_object("{\"list\":[\"a\",\"\xC0\xAF\"]}", "api.test");
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().field == "/list/1");
}

TEST_CASE("Pointers escape / and ~ in keys") {
    auto parsed = parse_wire_object(R"({"a/b~c":{"x":1}})", "api.test");
    REQUIRE(parsed);
    const WireObject body(*parsed, "", "api.test");
    auto inner = body.object("a/b~c", Presence::Required);
    REQUIRE(inner);
    auto missing = (*inner)->string("y", Presence::Required, 10);
    REQUIRE_FALSE(missing);
    CHECK(missing.error().field == "/a~1b~0c/y");
}

TEST_CASE("Integers beyond the allowed range are refused, unsigned ones included") {
    auto parsed = parse_wire_object(R"({"n":18446744073709551615})", "api.test");
    REQUIRE(parsed);
    const WireObject body(*parsed, "", "api.test");
    auto n = body.integer("n", Presence::Required, 0, 100);
    REQUIRE_FALSE(n);
    CHECK(n.error().code == "api.test.out_of_range");
}

TEST_CASE("Integers below a positive minimum are refused, though JSON gives them without a sign") {
    auto parsed = parse_wire_object(R"({"zero":0,"five":5,"minus":-1})", "api.test");
    REQUIRE(parsed);
    const WireObject body(*parsed, "", "api.test");
    CHECK(body.integer("zero", Presence::Required, 1, 100).error().code == "api.test.out_of_range");
    CHECK(body.integer("zero", Presence::Required, 0, 100));
    CHECK(body.integer("five", Presence::Required, 6, 100).error().field == "/five");
    CHECK(**body.integer("five", Presence::Required, 5, 5) == 5);
    CHECK(body.integer("minus", Presence::Required, 0, 100).error().code == "api.test.out_of_range");
    CHECK(**body.integer("minus", Presence::Required, -1, 100) == -1);
}
