#include "shared/core/input/touch_scroll.h"

#include <cmath>

namespace support::input {

namespace {

// Velocity is measured over the last this many milliseconds of movement; a finger that rested
// longer than that before lifting does not fling.
constexpr double k_velocity_window_ms = 100.0;
// Momentum decays as exp(-t / k_momentum_time_constant_ms), as iOS and Android lists roughly do,
// and stops below k_min_speed (px/ms).
constexpr double k_momentum_time_constant_ms = 325.0;
constexpr float k_min_fling_speed = 0.25f; // 250 px/s
constexpr float k_min_speed = 0.02f;       // 20 px/s
constexpr float k_max_speed = 8.0f;        // 8000 px/s

float length(float x, float y) {
    return std::sqrt(x * x + y * y);
}

float distance(TouchSample a, TouchSample b) {
    return length(a.x - b.x, a.y - b.y);
}

} // namespace

void TouchScroll::remember(TouchSample sample) {
    m_history[m_history_next] = sample;
    m_history_next = (m_history_next + 1) % k_history;
    if (m_history_count < k_history)
        ++m_history_count;
    m_last = sample;
}

void TouchScroll::release_velocity(double now_ms, float& vx, float& vy) const {
    vx = 0;
    vy = 0;
    // The oldest sample within the window before the release, against the release point.
    const TouchSample* oldest = nullptr;
    for (int i = 0; i < m_history_count; ++i) {
        const TouchSample& s = m_history[(m_history_next - 1 - i + k_history) % k_history];
        if (now_ms - s.time_ms > k_velocity_window_ms)
            break;
        oldest = &s;
    }
    if (!oldest || m_last.time_ms - oldest->time_ms < 1.0 ||
        now_ms - m_last.time_ms > k_velocity_window_ms / 2)
        return;
    const double dt = m_last.time_ms - oldest->time_ms;
    vx = static_cast<float>((m_last.x - oldest->x) / dt);
    vy = static_cast<float>((m_last.y - oldest->y) / dt);
}

TouchResult TouchScroll::on_touch(TouchPhase phase, TouchSample sample) {
    TouchResult result;
    switch (phase) {
    case TouchPhase::Down:
        // A touch that stops momentum is only that: the list halts under the finger.
        m_state = m_coasting ? State::Stopped : State::Pressed;
        m_coasting = false;
        m_start = sample;
        m_history_count = 0;
        m_history_next = 0;
        remember(sample);
        break;
    case TouchPhase::Move:
        if (m_state == State::Idle)
            break;
        if ((m_state == State::Pressed || m_state == State::Stopped) &&
            distance(sample, m_start) > k_touch_slop_px) {
            m_state = State::Dragging;
            // The content follows from where the finger is now; the slop is not a jump.
        }
        if (m_state == State::Dragging) {
            result.scroll_dx = sample.x - m_last.x;
            result.scroll_dy = sample.y - m_last.y;
        }
        remember(sample);
        break;
    case TouchPhase::Up:
        if (m_state == State::Pressed && distance(sample, m_start) <= k_touch_slop_px) {
            result.tap = true;
            result.x = m_start.x;
            result.y = m_start.y;
        } else if (m_state == State::Dragging) {
            result.scroll_dx = sample.x - m_last.x;
            result.scroll_dy = sample.y - m_last.y;
            remember(sample);
            float vx = 0;
            float vy = 0;
            release_velocity(sample.time_ms, vx, vy);
            const float speed = length(vx, vy);
            if (m_momentum && speed >= k_min_fling_speed) {
                const float scale = speed > k_max_speed ? k_max_speed / speed : 1.0f;
                m_vx = vx * scale;
                m_vy = vy * scale;
                m_coasting = true;
                m_coast_time = sample.time_ms;
            }
        }
        m_state = State::Idle;
        break;
    case TouchPhase::Cancel:
        m_state = State::Idle;
        m_coasting = false;
        break;
    }
    return result;
}

ScrollStep TouchScroll::step(double now_ms) {
    if (!m_coasting)
        return {};
    const double dt = now_ms - m_coast_time;
    if (dt <= 0)
        return {};
    // The distance covered under exponential decay from m_coast_time to now, exactly, so the total
    // does not depend on the frame rate.
    // In float: the single-precision exp is a fraction of the double one's code in the WASM build.
    const double decay = std::exp(static_cast<float>(-dt / k_momentum_time_constant_ms));
    const double travel = k_momentum_time_constant_ms * (1.0 - decay);
    ScrollStep moved{static_cast<float>(m_vx * travel), static_cast<float>(m_vy * travel)};
    m_vx = static_cast<float>(m_vx * decay);
    m_vy = static_cast<float>(m_vy * decay);
    m_coast_time = now_ms;
    if (length(m_vx, m_vy) < k_min_speed)
        m_coasting = false;
    return moved;
}

void TouchScroll::stop() {
    m_coasting = false;
}

} // namespace support::input
