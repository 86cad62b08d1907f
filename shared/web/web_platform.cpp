#include "shared/web/web_platform.h"

#include "shared/ui/ui_context.h"

#include <imgui.h>

#include <cfloat>

namespace support::web::platform {

namespace {

double g_last_time_ms = 0;

ImGuiKey to_imgui_key(KeyCode key) {
    switch (key) {
    case KeyCode::Escape:
        return ImGuiKey_Escape;
    case KeyCode::Enter:
        return ImGuiKey_Enter;
    case KeyCode::Tab:
        return ImGuiKey_Tab;
    case KeyCode::Up:
        return ImGuiKey_UpArrow;
    case KeyCode::Down:
        return ImGuiKey_DownArrow;
    case KeyCode::Left:
        return ImGuiKey_LeftArrow;
    case KeyCode::Right:
        return ImGuiKey_RightArrow;
    case KeyCode::Home:
        return ImGuiKey_Home;
    case KeyCode::End:
        return ImGuiKey_End;
    case KeyCode::J:
        return ImGuiKey_J;
    case KeyCode::K:
        return ImGuiKey_K;
    case KeyCode::R:
        return ImGuiKey_R;
    case KeyCode::I:
        return ImGuiKey_I;
    case KeyCode::T:
        return ImGuiKey_T;
    case KeyCode::None:
        break;
    }
    return ImGuiKey_None;
}

ImGuiMouseSource to_source(int source) {
    return source == 1 ? ImGuiMouseSource_Pen : ImGuiMouseSource_Mouse;
}

constexpr int k_touch_source = 2; // web_library.js: 0 mouse, 1 pen, 2 touch

input::TouchPhase to_touch_phase(PointerKind kind) {
    switch (kind) {
    case PointerKind::Down:
        return input::TouchPhase::Down;
    case PointerKind::Move:
        return input::TouchPhase::Move;
    case PointerKind::Up:
        return input::TouchPhase::Up;
    case PointerKind::Leave:
    case PointerKind::Cancel:
        break;
    }
    return input::TouchPhase::Cancel;
}

} // namespace

void init() {
    ImGuiIO& io = ImGui::GetIO();
    io.BackendPlatformName = "support_web";
    io.IniFilename = nullptr;
    io.LogFilename = nullptr;
}

void new_frame(const Display& display, double time_ms) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(display.css_width, display.css_height);
    io.DisplayFramebufferScale = ImVec2(display.pixel_ratio, display.pixel_ratio);
    // Frames are drawn on demand, so the time since the last one can be long; ImGui only needs it
    // positive and sane for its timers.
    const double delta = g_last_time_ms > 0 ? (time_ms - g_last_time_ms) / 1000.0 : 1.0 / 60.0;
    io.DeltaTime = static_cast<float>(delta > 0 && delta < 1.0 ? delta : 1.0 / 60.0);
    g_last_time_ms = time_ms;
}

void on_pointer(PointerKind kind, float x, float y, int button, int source, double time_ms) {
    if (source == k_touch_source) {
        // A lifted finger also "leaves" (after pointerup): only a cancel ends a touch early, and
        // the fling that pointerup may have started goes on.
        if (kind != PointerKind::Leave)
            ui::current_context().touch_scrolling().on_touch(to_touch_phase(kind), x, y, time_ms);
        return;
    }
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(to_source(source));
    if (kind == PointerKind::Leave || kind == PointerKind::Cancel) {
        io.AddMousePosEvent(-FLT_MAX, -FLT_MAX);
        io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
        return;
    }
    io.AddMousePosEvent(x, y);
    // DOM buttons: 0 left, 1 middle, 2 right; ImGui: 0 left, 1 right, 2 middle.
    const int imgui_button = button == 1 ? 2 : button == 2 ? 1 : 0;
    if (kind == PointerKind::Down)
        io.AddMouseButtonEvent(imgui_button, true);
    else if (kind == PointerKind::Up)
        io.AddMouseButtonEvent(imgui_button, false);
}

void on_wheel(float dx, float dy) {
    ImGui::GetIO().AddMouseWheelEvent(dx, dy);
}

void on_key(KeyCode key, bool down) {
    const ImGuiKey imgui_key = to_imgui_key(key);
    if (imgui_key != ImGuiKey_None)
        ImGui::GetIO().AddKeyEvent(imgui_key, down);
}

} // namespace support::web::platform
