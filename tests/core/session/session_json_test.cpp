// The session read back after a reload or received from another tab; anything else is refused with
// the place at fault, never half read.
#include "catch_amalgamated.hpp"
#include "shared/core/session/session_json.h"

#include <nlohmann/json.hpp>

using namespace support::session;

namespace {

Session lived() {
    SessionReplica a("tab-a");
    a.set_panel_open(true);
    a.set_views({"home", "article:returns"});
    a.set_search_query("החזרה");
    support::guide::GuideProgress guide;
    guide.guide_id = "apply-coupon";
    guide.locale = "he";
    guide.step_id = "enter-code";
    guide.history = {"open-cart"};
    guide.started_ms = 1'764'800'000'000;
    guide.updated_ms = 1'764'800'009'000;
    a.set_guide(guide);
    a.set_chat(ChatAt{"Xq3-_a9", "tok-43", 7});
    return a.state();
}

support::Error error_of(const std::string& text) {
    auto parsed = parse_session(text);
    REQUIRE_FALSE(parsed);
    return parsed.error();
}

std::string with(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    return text.replace(at, from.size(), to);
}

} // namespace

TEST_CASE("A session reads back exactly as it was written") {
    const Session s = lived();
    const auto back = parse_session(serialize_session(s));
    REQUIRE(back);
    CHECK(*back == s);
    CHECK(*parse_session(serialize_session(Session{})) == Session{});
    Session forgotten;
    forgotten.generation = 3;
    CHECK(parse_session(serialize_session(forgotten))->generation == 3);
    // Written before there were generations: the first one.
    const auto older = parse_session(R"({"v":1,"clock":0})");
    INFO((older ? std::string() : older.error().code + " " + older.error().field));
    REQUIRE(older);
    CHECK(older->generation == 0);
}

TEST_CASE("What is not a session we wrote is refused with a stable id and the place at fault") {
    const std::string good = serialize_session(lived());
    CHECK(error_of("not json").code == "session.saved.invalid_json");
    CHECK(error_of("[]").code == "session.saved.bad_shape");
    nlohmann::json later = nlohmann::json::parse(good);
    later["v"] = 2;
    CHECK(error_of(later.dump()).code == "session.saved.unsupported_version");
    CHECK(error_of(with(good, "\"value\":true", "\"value\":\"yes\"")).field == "/panel_open/value");
    CHECK(error_of(with(good, "\"seen_seq\":7", "\"seen_seq\":-7")).field == "/chat/value/seen_seq");
    CHECK(error_of(with(good, "\"history\":[\"open-cart\"]", "\"history\":\"open-cart\"")).field ==
          "/guide/value/history");
    nlohmann::json rewound = nlohmann::json::parse(good);
    rewound["clock"] = 1; // fields written after the copy's own clock: not a copy we wrote
    CHECK(error_of(rewound.dump()).field == "/clock");
    CHECK(error_of(std::string(600 * 1024, ' ')).code == "session.saved.too_large");
}
