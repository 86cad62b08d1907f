#pragma once
// Touch drag-to-scroll with momentum, as phones do it, for a UI (Dear ImGui) that has no touch
// scrolling of its own. It reads one finger's events and says what they mean:
//   - a tap: the finger went up having moved less than k_touch_slop_px → a click at that point;
//   - a drag: it moved farther → scroll deltas while it moves, never a click (so a drag that began
//     on a button does not press it);
//   - a fling: released while moving → momentum that slows to a stop (step() each frame);
//   - a touch during momentum only stops it (it is not a tap on what is under the finger).
// Pure logic with injected times (milliseconds), so every rule is unit-tested.
//
//   TouchScroll touch;
//   auto what = touch.on_touch(TouchPhase::Move, {x, y, now_ms});  // what.scroll_dy → scroll by
//   if (what.tap) click_at(what.x, what.y);
//   while (touch.coasting()) scroll_by(touch.step(now_ms));          // once per frame

namespace support::input {

// How far a finger may wander and still tap (CSS px), as browsers allow for a tap.
inline constexpr float k_touch_slop_px = 8.0f;

enum class TouchPhase { Down, Move, Up, Cancel };

struct TouchSample {
    float x = 0;
    float y = 0;
    double time_ms = 0;
};

// What one event means. Scroll deltas are how far the content should move with the finger: a
// finger moving up (dy < 0) scrolls the content up, i.e. reveals what is below.
struct TouchResult {
    bool tap = false; // a click at (x, y)
    float x = 0;
    float y = 0;
    float scroll_dx = 0;
    float scroll_dy = 0;
};

struct ScrollStep {
    float dx = 0;
    float dy = 0;
};

class TouchScroll {
  public:
    TouchResult on_touch(TouchPhase phase, TouchSample sample);

    // Momentum after a fling: the scroll to apply since the last step (or the release) at `now_ms`.
    // Zero once coasting() is false.
    ScrollStep step(double now_ms);
    // Momentum is still moving: keep drawing frames and call step() in each.
    bool coasting() const { return m_coasting; }
    // A finger is down and has moved beyond the slop: the gesture is a scroll, not a tap.
    bool dragging() const { return m_state == State::Dragging; }

    // Stops momentum (the region it scrolled reached its end or went away); a finger that is down
    // is left alone.
    void stop();
    // Off for shoppers who ask for reduced motion (prefers-reduced-motion): a fling then stops
    // where the finger left it, like a drag.
    void set_momentum(bool on) { m_momentum = on; }

  private:
    enum class State { Idle, Pressed, Dragging, Stopped };
    void remember(TouchSample sample);
    // Finger velocity (px/ms) over the last samples, as a fling's starting speed.
    void release_velocity(double now_ms, float& vx, float& vy) const;

    static constexpr int k_history = 8;
    State m_state = State::Idle;
    TouchSample m_start;
    TouchSample m_last;
    TouchSample m_history[k_history];
    int m_history_count = 0;
    int m_history_next = 0;
    bool m_coasting = false;
    bool m_momentum = true;
    float m_vx = 0; // px/ms while coasting
    float m_vy = 0;
    double m_coast_time = 0;
};

} // namespace support::input
