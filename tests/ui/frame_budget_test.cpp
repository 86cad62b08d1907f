#include "catch_amalgamated.hpp"
#include "shared/ui/frame_budget.h"

using support::ui::FrameBudget;

TEST_CASE("no frames are wanted until something happens", "[ui][frames]") {
    FrameBudget budget;
    CHECK_FALSE(budget.wants_frame());
}

TEST_CASE("an event buys a few frames, then drawing stops", "[ui][frames]") {
    FrameBudget budget;
    budget.request();
    int drawn = 0;
    while (budget.wants_frame() && drawn < 100) {
        budget.frame_drawn(false);
        ++drawn;
    }
    CHECK(drawn == FrameBudget::k_frames_per_event);
    CHECK(budget.frames_drawn() == FrameBudget::k_frames_per_event);
}

TEST_CASE("a frame whose output changed earns one more, and drawing still settles", "[ui][frames]") {
    FrameBudget budget;
    budget.request(1);
    budget.frame_drawn(true);
    CHECK(budget.wants_frame());
    budget.frame_drawn(false);
    CHECK_FALSE(budget.wants_frame());
}
