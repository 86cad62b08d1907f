// Where the callout goes: beside the highlight, inside the viewport, never over the target when
// there is room anywhere.
#include "catch_amalgamated.hpp"

#include "shared/core/guide/callout_placement.h"

using namespace support::guide;

namespace {

const Box k_desktop{0, 0, 1280, 720};
const Box k_phone{0, 0, 375, 667};
const CalloutSize k_callout{320, 180};

Box callout_box(const PlacedCallout& placed, CalloutSize size = k_callout) {
    return Box{placed.x, placed.y, size.w, size.h};
}

bool inside_margins(const Box& view, const Box& box) {
    return box.x >= view.x + k_viewport_margin - 0.01f && box.y >= view.y + k_viewport_margin - 0.01f &&
           box.right() <= view.right() - k_viewport_margin + 0.01f &&
           box.bottom() <= view.bottom() - k_viewport_margin + 0.01f;
}

} // namespace

TEST_CASE("auto placement puts the callout below a target with room, centred on it") {
    const Box target{600, 300, 200, 40};
    const PlacedCallout placed = place_callout(k_desktop, target, k_callout, Placement::Auto);
    CHECK(placed.side == Placement::Bottom);
    CHECK(placed.y == target.bottom() + k_callout_gap);
    CHECK(placed.x == 540); // 700 - 160
    CHECK_FALSE(callout_box(placed).overlaps(target));
    CHECK_FALSE(placed.covers_target);
}

TEST_CASE("a target near the bottom gets the callout above it") {
    const Box target{600, 600, 200, 40};
    const PlacedCallout placed = place_callout(k_desktop, target, k_callout, Placement::Auto);
    CHECK(placed.side == Placement::Top);
    CHECK(placed.y + k_callout.h + k_callout_gap == target.y);
    CHECK_FALSE(callout_box(placed).overlaps(target));
}

TEST_CASE("the preferred side wins when it fits, and is given up when it does not") {
    const Box target{600, 300, 200, 40};
    CHECK(place_callout(k_desktop, target, k_callout, Placement::Right).side == Placement::Right);
    CHECK(place_callout(k_desktop, target, k_callout, Placement::Left).side == Placement::Left);
    CHECK(place_callout(k_desktop, target, k_callout, Placement::Top).side == Placement::Top);
    // No room to the right of a target at the right edge: below instead.
    const Box at_edge{1100, 300, 170, 40};
    const PlacedCallout placed = place_callout(k_desktop, at_edge, k_callout, Placement::Right);
    CHECK(placed.side == Placement::Bottom);
    CHECK(inside_margins(k_desktop, callout_box(placed)));
}

TEST_CASE("near a viewport edge the callout slides along its side to stay inside") {
    const Box target{10, 300, 60, 30}; // a small button at the left edge
    const PlacedCallout placed = place_callout(k_desktop, target, k_callout, Placement::Auto);
    CHECK(placed.side == Placement::Bottom);
    CHECK(placed.x == k_viewport_margin);
    CHECK(inside_margins(k_desktop, callout_box(placed)));
}

TEST_CASE("on a phone a field in the middle gets the callout below or above, fully visible") {
    const CalloutSize narrow{359, 200};
    for (float y : {40.0f, 300.0f, 560.0f}) {
        const Box field{16, y, 343, 44};
        const PlacedCallout placed = place_callout(k_phone, field, narrow, Placement::Auto);
        INFO("field at y " << y);
        CHECK((placed.side == Placement::Bottom || placed.side == Placement::Top));
        CHECK_FALSE(callout_box(placed, narrow).overlaps(field));
        CHECK(inside_margins(k_phone, callout_box(placed, narrow)));
    }
}

TEST_CASE("without a target the callout is centred") {
    const PlacedCallout placed = place_callout(k_desktop, std::nullopt, k_callout, Placement::Bottom);
    CHECK(placed.side == Placement::Auto);
    CHECK(placed.x == 480);
    CHECK(placed.y == 270);
}

TEST_CASE("a target taller than the viewport leaves no side: the callout says it covers it") {
    const Box tall{100, 0, 1100, 720};
    const PlacedCallout placed = place_callout(k_desktop, tall, k_callout, Placement::Auto);
    CHECK(placed.covers_target);
    CHECK(inside_margins(k_desktop, callout_box(placed)));
}

TEST_CASE("a callout larger than the viewport keeps its top-left corner visible") {
    const PlacedCallout placed =
        place_callout(Box{0, 0, 200, 100}, Box{50, 40, 20, 20}, k_callout, Placement::Auto);
    CHECK(placed.x == k_viewport_margin);
    CHECK(placed.y >= k_viewport_margin);
}
