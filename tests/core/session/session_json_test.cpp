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
    a.set_guide(GuideAt{"apply-coupon", "enter-code"});
    a.set_chat(ChatAt{"Xq3-_a9", "tok-43", 7});
    a.queue("6f1c", R"({"kind":"search_miss","query":"eilat"})", 1'764'800'000'000);
    a.acknowledge("6f1c");
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
}

TEST_CASE("What is not a session we wrote is refused with a stable id and the place at fault") {
    const std::string good = serialize_session(lived());
    CHECK(error_of("not json").code == "session.saved.invalid_json");
    CHECK(error_of("[]").code == "session.saved.bad_shape");
    CHECK(error_of(with(good, "\"v\":1", "\"v\":2")).code == "session.saved.unsupported_version");
    CHECK(error_of(with(good, "\"value\":true", "\"value\":\"yes\"")).field == "/panel_open/value");
    CHECK(error_of(with(good, "\"seen_seq\":7", "\"seen_seq\":-7")).field == "/chat/value/seen_seq");
    CHECK(error_of(with(good, "\"acknowledged\":true", "\"acknowledged\":1")).field == "/outbox/6f1c");
    nlohmann::json rewound = nlohmann::json::parse(good);
    rewound["clock"] = 1; // fields written after the copy's own clock: not a copy we wrote
    CHECK(error_of(rewound.dump()).field == "/clock");
    CHECK(error_of(std::string(600 * 1024, ' ')).code == "session.saved.too_large");
}
