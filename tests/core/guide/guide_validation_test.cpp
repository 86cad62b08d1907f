// Checks across a guide's steps: ids, links, loops without a way out, unreachable steps, and the
// graph helpers the runner counts steps with.
#include "catch_amalgamated.hpp"

#include "guide_test_guides.h"
#include "shared/core/guide/guide_graph.h"
#include "shared/core/guide/guide_validation.h"

#include <algorithm>

using namespace support::guide;
using namespace support::guide::testing;

namespace {

std::vector<GuideProblem> problems_with(const Guide& guide, std::string_view code) {
    std::vector<GuideProblem> found;
    for (const GuideProblem& problem : validate_guide_steps(guide))
        if (problem.code == code)
            found.push_back(problem);
    return found;
}

} // namespace

TEST_CASE("the demo-shaped guides have no problems") {
    CHECK(validate_guide_steps(coupon_guide()).empty());
    CHECK(validate_guide_steps(order_guide()).empty());
    CHECK(validate_guide_steps(size_guide()).empty());
}

TEST_CASE("content.guide.no_steps: a guide without steps") {
    Guide guide = coupon_guide();
    guide.steps.clear();
    const auto found = problems_with(guide, "content.guide.no_steps");
    REQUIRE(found.size() == 1);
    CHECK(found[0].pointer == "/steps");
}

TEST_CASE("content.guide.duplicate_step_id is reported at the later step") {
    Guide guide = coupon_guide();
    guide.steps[2].id = "code";
    const auto found = problems_with(guide, "content.guide.duplicate_step_id");
    REQUIRE(found.size() == 1);
    CHECK(found[0].pointer == "/steps/2/id");
    CHECK_FALSE(found[0].warning);
}

TEST_CASE("content.guide.reserved_step_id: a step called end") {
    Guide guide = coupon_guide();
    guide.steps[1].id = "end";
    const auto found = problems_with(guide, "content.guide.reserved_step_id");
    REQUIRE(found.size() == 1);
    CHECK(found[0].pointer == "/steps/1/id");
}

TEST_CASE("content.guide.unknown_step: next and answers must name steps") {
    Guide guide = size_guide();
    guide.steps[2].next = "pik";
    guide.steps[0].branches[1].next = "mesure";
    const auto found = problems_with(guide, "content.guide.unknown_step");
    REQUIRE(found.size() == 2);
    CHECK(found[0].pointer == "/steps/0/branches/1/next");
    CHECK(found[0].message.find("'mesure'") != std::string::npos);
    CHECK(found[1].pointer == "/steps/2/next");
}

TEST_CASE("content.guide.cycle_without_exit: every step of a loop with no way out") {
    Guide guide = coupon_guide();
    guide.steps[1].next = "code"; // code → apply → code → …; "check" is never reached
    const auto found = problems_with(guide, "content.guide.cycle_without_exit");
    REQUIRE(found.size() == 2);
    CHECK(found[0].pointer == "/steps/0");
    CHECK(found[1].pointer == "/steps/1");
    const auto unreachable = problems_with(guide, "content.guide.unreachable_step");
    REQUIRE(unreachable.size() == 1);
    CHECK(unreachable[0].pointer == "/steps/2");
    CHECK(unreachable[0].warning);
}

TEST_CASE("a loop with a way out is fine: 'try again' questions") {
    Guide guide = size_guide();
    // After picking, ask again or finish.
    guide.steps[4].branches = {{"Pick again", "pick"}, {"Done", "end"}};
    guide.steps[4].advance.kind = AdvanceKind::Manual;
    CHECK(validate_guide_steps(guide).empty());
    CHECK(steps_to_finish(guide, 3) == 2); // pick → add; the loop back is not counted twice
}

TEST_CASE("content.guide.unreachable_step is a warning, the guide still runs") {
    Guide guide = coupon_guide();
    guide.steps[0].next = "check";
    const auto found = problems_with(guide, "content.guide.unreachable_step");
    REQUIRE(found.size() == 1);
    CHECK(found[0].pointer == "/steps/1");
    CHECK(found[0].warning);
}

TEST_CASE("the graph: successors, ways to finish and the longest way") {
    const Guide guide = size_guide();
    CHECK(successors(guide, 0) == std::vector<std::size_t>{3, 1, k_finished});
    CHECK(step_after(guide, 2) == std::optional<std::size_t>(3));
    CHECK(step_after(guide, 4) == std::optional<std::size_t>(k_finished));
    CHECK(steps_to_finish(guide, 0) == 5);
    CHECK(steps_to_finish(guide, 3) == 2);
    CHECK(steps_to_finish(guide, 4) == 1);
    const auto finishes = steps_that_can_finish(guide);
    CHECK(std::all_of(finishes.begin(), finishes.end(), [](bool b) { return b; }));
    CHECK(find_step(guide, "chart") == std::optional<std::size_t>(2));
    CHECK_FALSE(find_step(guide, "nope"));
}
