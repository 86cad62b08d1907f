#include "shared/ui/panel_frame.h"

#include <imgui.h>
#include <imgui_internal.h>

namespace support::ui {

namespace {

// Dear ImGui's error recovery (End() unwinding what a caller left pushed) is compiled out of the
// cores (cmake/SwImGui.cmake): a control that leaves something pushed is found here instead, after
// the app has drawn, and named by the first stack it left unbalanced.
const char* unbalanced_stack(const ImGuiErrorRecoveryState& before, const ImGuiErrorRecoveryState& after) {
    if (before.SizeOfWindowStack != after.SizeOfWindowStack)
        return "Begin/BeginChild without End/EndChild";
    if (before.SizeOfIDStack != after.SizeOfIDStack)
        return "PushID without PopID";
    if (before.SizeOfTreeStack != after.SizeOfTreeStack)
        return "TreeNode without TreePop";
    if (before.SizeOfColorStack != after.SizeOfColorStack)
        return "PushStyleColor without PopStyleColor";
    if (before.SizeOfStyleVarStack != after.SizeOfStyleVarStack)
        return "PushStyleVar without PopStyleVar";
    if (before.SizeOfFontStack != after.SizeOfFontStack)
        return "PushFont without PopFont";
    if (before.SizeOfFocusScopeStack != after.SizeOfFocusScopeStack)
        return "PushFocusScope without PopFocusScope";
    if (before.SizeOfGroupStack != after.SizeOfGroupStack)
        return "BeginGroup without EndGroup";
    if (before.SizeOfItemFlagsStack != after.SizeOfItemFlagsStack)
        return "PushItemFlag without PopItemFlag";
    if (before.SizeOfBeginPopupStack != after.SizeOfBeginPopupStack)
        return "BeginPopup without EndPopup";
    if (before.SizeOfDisabledStack != after.SizeOfDisabledStack)
        return "BeginDisabled without EndDisabled";
    return nullptr;
}

} // namespace

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
    ImGuiErrorRecoveryState before;
    ImGui::ErrorRecoveryStoreState(&before);
    draw();
    ImGuiErrorRecoveryState after;
    ImGui::ErrorRecoveryStoreState(&after);
    if (const char* unbalanced = unbalanced_stack(before, after))
        context.report_unbalanced_stack(unbalanced);
    ImGui::End();
    const bool changed = context.end_frame();
    ImGui::Render();
    return changed;
}

} // namespace support::ui
