#include "catch_amalgamated.hpp"
#include "shared/ui/controls.h"
#include "tests/ui/headless_imgui.h"

#include <imgui.h>

#include <string>

using namespace support::ui;
using support::input::TouchPhase;
using support::ui::testing::HeadlessImGui;

namespace {

// A panel like the widget's: a scrolling child ("##view") holding 40 buttons, one under another.
struct ScrollingList {
    HeadlessImGui h;
    int activations[40] = {};
    float scroll = 0;
    float scroll_max = 0;
    double now = 1000;

    void draw() {
        ImGui::BeginChild("##view", ImVec2(0, 0));
        for (int i = 0; i < 40; ++i) {
            const std::string label = "Item " + std::to_string(i);
            if (button(label.c_str()))
                ++activations[i];
        }
        scroll = ImGui::GetScrollY();
        scroll_max = ImGui::GetScrollMaxY();
        ImGui::EndChild();
    }
    void frame() {
        now += 16;
        h.ui().set_frame_time(now);
        h.frame([this] { draw(); });
    }
    void touch(TouchPhase phase, float x, float y) {
        h.ui().touch_scrolling().on_touch(phase, x, y, now);
        frame();
    }
    // A finger from (x, y0) to (x, y1) in `steps` moves, one frame each, then lifted.
    void drag(float x, float y0, float y1, int steps) {
        touch(TouchPhase::Down, x, y0);
        for (int i = 1; i <= steps; ++i)
            touch(TouchPhase::Move, x, y0 + (y1 - y0) * static_cast<float>(i) / static_cast<float>(steps));
        touch(TouchPhase::Up, x, y1);
    }
    int total_activations() const {
        int total = 0;
        for (int a : activations)
            total += a;
        return total;
    }
};

} // namespace

TEST_CASE("a slow finger drag scrolls the list under it by the distance moved and presses nothing",
          "[ui][touch]") {
    ScrollingList list;
    list.frame();
    list.frame();
    REQUIRE(list.scroll_max > 300);
    // 200 px up over 100 frames (1.6 s): too slow to fling.
    list.drag(150, 400, 200, 100);
    for (int i = 0; i < 5; ++i)
        list.frame();
    // The finger moved 200 px; the first few (the tap slop) only decided it was a drag.
    CHECK(list.scroll == Catch::Approx(200 - support::input::k_touch_slop_px).margin(2));
    CHECK(list.total_activations() == 0);
    CHECK_FALSE(list.h.ui().touch_scrolling().animating());
}

TEST_CASE("a tap presses the button under it once and scrolls nothing", "[ui][touch]") {
    ScrollingList list;
    list.frame();
    const Rect item = list.h.ui().tree().find_by_role(Role::Button, "Item 3")->rect;
    list.touch(TouchPhase::Down, item.x + item.w / 2, item.y + item.h / 2);
    list.touch(TouchPhase::Up, item.x + item.w / 2 + 2, item.y + item.h / 2 + 3);
    for (int i = 0; i < 5; ++i)
        list.frame();
    CHECK(list.activations[3] == 1);
    CHECK(list.total_activations() == 1);
    CHECK(list.scroll == 0);
}

TEST_CASE("a fling keeps scrolling after the finger lifts and stops at the end of the list", "[ui][touch]") {
    ScrollingList list;
    list.frame();
    list.frame();
    // 150 px up in 6 frames (96 ms): about 1.5 px/ms.
    list.drag(150, 500, 350, 6);
    const float at_release = list.scroll;
    REQUIRE(list.h.ui().touch_scrolling().animating());
    int frames = 0;
    while (list.h.ui().touch_scrolling().animating() && frames < 600) {
        list.frame();
        ++frames;
    }
    CHECK(list.scroll > at_release + 100); // it coasted on
    CHECK(frames < 600);                   // and stopped

    // Flung hard towards the end: it stops there, not beyond.
    for (int fling = 0; fling < 6; ++fling) {
        list.drag(150, 550, 100, 4);
        for (int i = 0; i < 400 && list.h.ui().touch_scrolling().animating(); ++i)
            list.frame();
    }
    list.frame();
    CHECK(list.scroll == Catch::Approx(list.scroll_max));
    CHECK_FALSE(list.h.ui().touch_scrolling().animating());
    CHECK(list.total_activations() == 0);
}
