#pragma once
// Touch drag-to-scroll for Dear ImGui windows, which scroll with a wheel but not with a finger.
// input::TouchScroll decides what a touch means; this applies it:
//   - a tap becomes a click (press and release) where the finger went down;
//   - a drag scrolls the scrollable window under where it began (the innermost one that can
//     scroll, e.g. a results list inside the panel) and never presses what it began on;
//   - a fling coasts, and stops at either end of the window (nothing else moves: the page behind
//     is the browser's, and the platform keeps it still).
//
//   touch.on_touch(TouchPhase::Down, x, y, event_ms);  // touch pointer events only, between frames
//   touch.apply(frame_ms);                             // every frame, right after ImGui::NewFrame()
//   if (touch.animating()) draw another frame;

#include "shared/core/input/touch_scroll.h"

#include <cstdint>

namespace support::ui {

class TouchScrolling {
  public:
    void on_touch(input::TouchPhase phase, float x, float y, double time_ms);
    void apply(double frame_time_ms);
    // No coasting after a fling for shoppers who ask for reduced motion.
    void set_reduced_motion(bool reduce) { m_gesture.set_momentum(!reduce); }
    // Momentum is running or a scroll is waiting for the next frame.
    bool animating() const { return m_gesture.coasting() || m_pending_x != 0 || m_pending_y != 0; }

  private:
    input::TouchScroll m_gesture;
    float m_pending_x = 0;
    float m_pending_y = 0;
    // The ImGuiID of the window this gesture scrolls, chosen at its first frame. (No <imgui.h> here:
    // files that define IMGUI_DEFINE_MATH_OPERATORS include it first.)
    std::uint32_t m_target = 0;
    bool m_choose_target = false;
};

} // namespace support::ui
