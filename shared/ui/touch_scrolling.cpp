#include "shared/ui/touch_scrolling.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>

namespace support::ui {

namespace {

bool can_scroll(const ImGuiWindow* window) {
    return window->ScrollMax.y > 0.0f || window->ScrollMax.x > 0.0f;
}

} // namespace

void TouchScrolling::on_touch(input::TouchPhase phase, float x, float y, double time_ms) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    const input::TouchResult result = m_gesture.on_touch(phase, {x, y, time_ms});
    switch (phase) {
    case input::TouchPhase::Down:
        // The position only: which window is under the finger is known in the next frame; a press
        // is sent only once the touch turns out to be a tap.
        io.AddMousePosEvent(x, y);
        m_choose_target = true;
        m_target = 0;
        break;
    case input::TouchPhase::Move:
        if (!m_gesture.dragging())
            io.AddMousePosEvent(x, y);
        break;
    case input::TouchPhase::Up:
    case input::TouchPhase::Cancel:
        if (result.tap) {
            io.AddMousePosEvent(result.x, result.y);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
            io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        }
        // A lifted finger hovers nothing.
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        break;
    }
    m_pending_x += result.scroll_dx;
    m_pending_y += result.scroll_dy;
}

void TouchScrolling::apply(double frame_time_ms) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    if (m_choose_target) {
        m_choose_target = false;
        ImGuiWindow* window = g.HoveredWindow;
        while (window && !can_scroll(window))
            window = window->ParentWindow;
        m_target = window ? window->ID : 0;
    }
    if (m_gesture.coasting()) {
        const input::ScrollStep step = m_gesture.step(frame_time_ms);
        m_pending_x += step.dx;
        m_pending_y += step.dy;
    }
    ImGuiWindow* window = m_target ? ImGui::FindWindowByID(m_target) : nullptr;
    if (!window) { // nothing under the gesture can scroll
        m_gesture.stop();
        m_pending_x = m_pending_y = 0;
        return;
    }
    bool at_end = false;
    if (m_pending_y != 0 && window->ScrollMax.y > 0) {
        // A finger moving up (negative delta) reveals what is below.
        const float wanted = window->Scroll.y - m_pending_y;
        const float scroll = std::clamp(wanted, 0.0f, window->ScrollMax.y);
        at_end = scroll != wanted;
        ImGui::SetScrollY(window, scroll);
    }
    if (m_pending_x != 0 && window->ScrollMax.x > 0) {
        const float wanted = window->Scroll.x - m_pending_x;
        ImGui::SetScrollX(window, std::clamp(wanted, 0.0f, window->ScrollMax.x));
    }
    // Momentum ends at the end of the list, as a phone's does.
    if (at_end && m_gesture.coasting())
        m_gesture.stop();
    m_pending_x = m_pending_y = 0;
}

} // namespace support::ui
