// Two or three tabs of one shopper write at once; their copies meet in any order and agree.
#include "catch_amalgamated.hpp"
#include "shared/core/session/session_state.h"

#include <algorithm>
#include <array>

using namespace support::session;

namespace {

constexpr std::int64_t k_now = 1'764'800'000'000;

support::guide::GuideProgress at_step(std::string step) {
    support::guide::GuideProgress progress;
    progress.guide_id = "apply-coupon";
    progress.locale = "en";
    progress.step_id = std::move(step);
    progress.started_ms = k_now;
    progress.updated_ms = k_now;
    return progress;
}

} // namespace

TEST_CASE("The later write of a field wins, whichever tab made it and whichever copy arrives first") {
    SessionReplica a("tab-a"), b("tab-b");
    a.set_search_query("refund");  // clock 1 at a
    b.set_panel_open(true);        // clock 1 at b
    b.merge(a.state());            // b has seen a's write: its next write is later
    b.set_search_query("return");  // clock 2 at b
    a.set_views({"home", "chat"}); // clock 2 at a, not after b's query

    const Session ab = merge(a.state(), b.state());
    const Session ba = merge(b.state(), a.state());
    CHECK(ab == ba);
    CHECK(ab.search_query.value == "return");
    CHECK(ab.panel_open.value == true);
    CHECK(ab.views.value == std::vector<std::string>{"home", "chat"});
}

TEST_CASE("Writes at the same logical time are decided by the tab's id, the same way everywhere") {
    SessionReplica a("tab-a"), b("tab-b");
    a.set_search_query("from a");
    b.set_search_query("from b");
    CHECK(merge(a.state(), b.state()).search_query.value == "from b");
    CHECK(merge(b.state(), a.state()).search_query.value == "from b");
}

TEST_CASE("Merging is associative and idempotent: three tabs converge in any order") {
    SessionReplica a("tab-a"), b("tab-b"), c("tab-c");
    a.set_guide(at_step("open-cart"));
    b.set_chat(ChatAt{"conv-1", "tok", 3});
    c.set_guide(at_step("enter-code"));
    c.set_guide(at_step("apply")); // clock 2: the newest step
    a.set_panel_open(true);
    b.set_views({"home", "chat"});

    const std::array<const Session*, 3> copies{&a.state(), &b.state(), &c.state()};
    std::array<int, 3> order{0, 1, 2};
    const Session expected = merge(merge(a.state(), b.state()), c.state());
    do {
        const Session got = merge(merge(*copies[order[0]], *copies[order[1]]), *copies[order[2]]);
        CHECK(got == expected);
    } while (std::next_permutation(order.begin(), order.end()));
    CHECK(merge(expected, expected) == expected);
    CHECK(expected.guide.value->step_id == "apply");
    CHECK(expected.chat.value->conversation_id == "conv-1");
    CHECK(expected.panel_open.value);
}

TEST_CASE("A replica reports whether a merge changed it, and writes after it with a later clock") {
    SessionReplica a("tab-a"), b("tab-b");
    b.set_search_query("x");
    b.set_search_query("y");
    CHECK(a.merge(b.state()));
    CHECK_FALSE(a.merge(b.state()));
    a.set_search_query("z");
    CHECK(a.state().search_query.clock == 3);
    CHECK(merge(a.state(), b.state()).search_query.value == "z");
}

TEST_CASE("After forgetting, what another tab wrote before it heard loses whatever its clocks") {
    SessionReplica a("tab-a"), b("tab-b");
    a.set_views({"home", "chat"});
    b.merge(a.state());
    a.forget(); // SupportWidget('forget') in tab a
    CHECK(a.state().generation == 1);
    CHECK(a.state().views.value.empty());
    // Tab b has not heard yet: its write carries the conversation and later clocks.
    b.set_chat(ChatAt{"c-1", "token", 4});
    b.set_panel_open(true);
    CHECK_FALSE(a.merge(b.state()));
    CHECK(merge(a.state(), b.state()) == a.state());
    CHECK(merge(b.state(), a.state()) == a.state());
    // Then it hears: a fresh copy of the same generation; hearing again changes nothing.
    CHECK(b.forget_up_to(a.state().generation));
    CHECK_FALSE(b.forget_up_to(a.state().generation));
    CHECK(b.state() == a.state());
    // Writes of that generation merge as before.
    b.set_search_query("returns");
    CHECK(a.merge(b.state()));
    CHECK(a.state().search_query.value == "returns");
}
