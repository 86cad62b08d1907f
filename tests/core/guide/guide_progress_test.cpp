// Saved guide progress: round trip, and every way storage can hand back something else.
#include "catch_amalgamated.hpp"

#include "shared/core/guide/guide_progress.h"

#include <string>

using namespace support::guide;

namespace {

GuideProgress sample() {
    return GuideProgress{"apply-coupon", "en", "apply", {"code"}, 1'764'800'000'000, 1'764'800'042'000};
}

std::string code_of(std::string_view text) {
    auto parsed = parse_guide_progress(text);
    return parsed ? std::string("ok") : parsed.error().code;
}

} // namespace

TEST_CASE("guide progress round-trips through its JSON") {
    const std::string text = serialize_guide_progress(sample());
    CHECK(
        text ==
        R"({"guide":"apply-coupon","history":["code"],"locale":"en","started":1764800000000,"step":"apply","updated":1764800042000,"v":1})");
    auto parsed = parse_guide_progress(text);
    REQUIRE(parsed);
    CHECK(*parsed == sample());
}

TEST_CASE("guide.progress.invalid_json: truncated or foreign text") {
    CHECK(code_of("") == "guide.progress.invalid_json");
    CHECK(code_of(R"({"v":1,"guide":)") == "guide.progress.invalid_json");
    CHECK(code_of("yes") == "guide.progress.invalid_json");
}

TEST_CASE("guide.progress.unsupported_version: another format version, or none") {
    auto parsed = parse_guide_progress(
        R"({"v":2,"guide":"a","locale":"en","step":"s","history":[],"started":1,"updated":1})");
    REQUIRE_FALSE(parsed);
    CHECK(parsed.error().code == "guide.progress.unsupported_version");
    CHECK(parsed.error().field == "v");
    CHECK(code_of(R"({"guide":"a"})") == "guide.progress.unsupported_version");
}

TEST_CASE("guide.progress.bad_shape names the field at fault") {
    auto field_of = [](std::string_view text) {
        auto parsed = parse_guide_progress(text);
        REQUIRE_FALSE(parsed);
        CHECK(parsed.error().code == "guide.progress.bad_shape");
        return parsed.error().field;
    };
    CHECK(field_of("[1,2]").empty());
    CHECK(field_of(R"({"v":1,"locale":"en","step":"s","history":[],"started":1,"updated":1})") == "/guide");
    CHECK(field_of(R"({"v":1,"guide":"","locale":"en","step":"s","history":[],"started":1,"updated":1})") ==
          "/guide");
    CHECK(field_of(R"({"v":1,"guide":"a","locale":"en","step":7,"history":[],"started":1,"updated":1})") ==
          "/step");
    CHECK(
        field_of(R"({"v":1,"guide":"a","locale":"en","step":"s","history":[],"started":"x","updated":1})") ==
        "/started");
    CHECK(field_of(R"({"v":1,"guide":"a","locale":"en","step":"s","history":{},"started":1,"updated":1})") ==
          "/history");
    CHECK(field_of(
              R"({"v":1,"guide":"a","locale":"en","step":"s","history":["x",3],"started":1,"updated":1})") ==
          "/history/1");
    std::string long_history =
        R"({"v":1,"guide":"a","locale":"en","step":"s","started":1,"updated":1,"history":[)";
    for (int i = 0; i < 101; ++i)
        long_history += std::string(i ? "," : "") + "\"s\"";
    CHECK(field_of(long_history + "]}") == "/history");
}
