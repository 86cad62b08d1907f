#include "shared/ui/panel_frame.h"

#include <imgui.h>

namespace support::ui {

bool draw_panel_frame(UiContext& context, const std::function<void()>& draw) {
    ImGui::NewFrame();
    // Before any window begins, so a touch scroll moves its window in this frame.
    context.touch_scrolling().apply(context.frame_time());
    context.begin_frame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("##panel", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    draw();
    ImGui::End();
    const bool changed = context.end_frame();
    ImGui::Render();
    return changed;
}

} // namespace support::ui
