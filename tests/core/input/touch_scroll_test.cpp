#include "catch_amalgamated.hpp"

#include "shared/core/input/touch_scroll.h"

#include <cmath>

using namespace support::input;

namespace {

// A finger moving from (x0, y0) to (x1, y1) in `steps` moves over `ms`, starting at `t0`.
float drag(TouchScroll& touch, float x0, float y0, float x1, float y1, double t0, double ms, int steps,
           TouchResult* up = nullptr) {
    float scrolled = 0;
    scrolled += touch.on_touch(TouchPhase::Down, {x0, y0, t0}).scroll_dy;
    for (int i = 1; i <= steps; ++i) {
        const float f = static_cast<float>(i) / static_cast<float>(steps);
        scrolled +=
            touch.on_touch(TouchPhase::Move, {x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, t0 + ms * f}).scroll_dy;
    }
    const TouchResult released = touch.on_touch(TouchPhase::Up, {x1, y1, t0 + ms});
    if (up)
        *up = released;
    return scrolled + released.scroll_dy;
}

} // namespace

TEST_CASE("a touch that moves less than the slop is a tap where it went down", "[touch_scroll]") {
    TouchScroll touch;
    CHECK_FALSE(touch.on_touch(TouchPhase::Down, {100, 200, 0}).tap);
    const auto moved = touch.on_touch(TouchPhase::Move, {103, 204, 40});
    CHECK(moved.scroll_dy == 0);
    CHECK_FALSE(touch.dragging());
    const auto up = touch.on_touch(TouchPhase::Up, {104, 205, 80});
    CHECK(up.tap);
    CHECK(up.x == 100);
    CHECK(up.y == 200);
    CHECK_FALSE(touch.coasting());
}

TEST_CASE("a drag scrolls with the finger from where it leaves the slop, and is never a tap",
          "[touch_scroll]") {
    TouchScroll touch;
    touch.on_touch(TouchPhase::Down, {100, 400, 0});
    CHECK(touch.on_touch(TouchPhase::Move, {100, 395, 16}).scroll_dy == 0); // within the slop
    const auto out = touch.on_touch(TouchPhase::Move, {100, 380, 32});
    CHECK(touch.dragging());
    CHECK(out.scroll_dy == -15); // from the last point: no jump by the slop
    CHECK(touch.on_touch(TouchPhase::Move, {100, 300, 48}).scroll_dy == -80);
    // Back within the slop of the start: still a drag, so releasing there does not tap.
    touch.on_touch(TouchPhase::Move, {100, 401, 2000});
    const auto up = touch.on_touch(TouchPhase::Up, {100, 401, 2010});
    CHECK_FALSE(up.tap);
}

TEST_CASE("the total a slow drag scrolls equals how far the finger moved, with no momentum",
          "[touch_scroll]") {
    TouchScroll touch;
    // 300 px up over 1.5 s (200 px/s at the end: too slow to fling).
    const float scrolled = drag(touch, 50, 600, 50, 300, 0, 1500, 30);
    CHECK(scrolled == Catch::Approx(-300));
    CHECK_FALSE(touch.coasting());

    // A fast move, then the finger rests before lifting: no fling either.

    TouchScroll resting;
    resting.on_touch(TouchPhase::Down, {50, 600, 0});
    resting.on_touch(TouchPhase::Move, {50, 300, 100});
    resting.on_touch(TouchPhase::Up, {50, 300, 400}); // lifted 300 ms after it stopped
    CHECK_FALSE(resting.coasting());
}

TEST_CASE("a fling coasts in its direction, slows down, stops, and covers the same ground at any frame rate",
          "[touch_scroll]") {
    auto coast = [](double frame_ms) {
        TouchScroll touch;
        drag(touch, 50, 600, 50, 400, 0, 100, 6); // 2 px/ms upwards
        REQUIRE(touch.coasting());
        float total = 0;
        float previous = -1e9f;
        double now = 100;
        int frames = 0;
        while (touch.coasting() && frames < 10'000) {
            now += frame_ms;
            const auto moved = touch.step(now);
            CHECK(moved.dy <= 0);                                               // keeps going up
            CHECK(moved.dy >= previous - 1e-3f * static_cast<float>(frame_ms)); // never speeds up
            previous = moved.dy;
            total += moved.dy;
            ++frames;
        }
        CHECK_FALSE(touch.coasting());
        CHECK(touch.step(now + 16).dy == 0);
        return total;
    };
    const float at_60 = coast(1000.0 / 60);
    const float at_120 = coast(1000.0 / 120);
    // v0 × τ = 2 px/ms × 325 ms = 650 px, less what is left below the stopping speed.
    CHECK(at_60 < -500);
    CHECK(at_60 > -660);
    CHECK(at_120 == Catch::Approx(at_60).epsilon(0.02));
}

TEST_CASE("a touch during momentum stops it and is not a tap", "[touch_scroll]") {
    TouchScroll touch;
    drag(touch, 50, 600, 50, 300, 0, 100, 6);
    REQUIRE(touch.coasting());
    touch.step(150);
    touch.on_touch(TouchPhase::Down, {60, 500, 200});
    CHECK_FALSE(touch.coasting());
    CHECK(touch.step(216).dy == 0);
    const auto up = touch.on_touch(TouchPhase::Up, {60, 500, 260});
    CHECK_FALSE(up.tap);
    // The next touch taps again.
    touch.on_touch(TouchPhase::Down, {60, 500, 1000});
    CHECK(touch.on_touch(TouchPhase::Up, {60, 500, 1050}).tap);
}

TEST_CASE("a cancelled touch neither taps nor coasts; stop() ends momentum", "[touch_scroll]") {
    TouchScroll touch;
    touch.on_touch(TouchPhase::Down, {10, 10, 0});
    touch.on_touch(TouchPhase::Cancel, {10, 10, 10});
    CHECK_FALSE(touch.on_touch(TouchPhase::Up, {10, 10, 20}).tap);

    drag(touch, 50, 600, 50, 300, 100, 100, 6);
    REQUIRE(touch.coasting());
    touch.stop();
    CHECK_FALSE(touch.coasting());
}

TEST_CASE("an extreme fling is capped at 8,000 px/s", "[touch_scroll]") {
    TouchScroll touch;
    drag(touch, 50, 5000, 50, 0, 0, 20, 2); // 250 px/ms
    REQUIRE(touch.coasting());
    const auto first = touch.step(36); // 16 ms later
    CHECK(std::abs(first.dy) <= 8.0f * 16.0f + 0.5f);
}

TEST_CASE("with reduced motion a fling stops where the finger left it", "[touch_scroll]") {
    TouchScroll touch;
    touch.set_momentum(false);
    const float scrolled = drag(touch, 50, 600, 50, 400, 0, 100, 6); // 2 px/ms upwards: a fling
    CHECK(scrolled == Catch::Approx(-200).margin(1.0f));             // just as far as the finger went
    CHECK_FALSE(touch.coasting());
    CHECK(touch.step(116).dy == 0);
    touch.set_momentum(true); // and back when the setting changes
    drag(touch, 50, 600, 50, 400, 200, 100, 6);
    CHECK(touch.coasting());
}
