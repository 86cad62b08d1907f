#include "tests/ui/headless_imgui.h"

#include "shared/ui/panel_frame.h"

#include <stdexcept>
#include <string>

namespace support::ui::testing {

HeadlessImGui::HeadlessImGui(float width, float height) {
    m_imgui = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = ImVec2(width, height);
    io.BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
    io.Fonts->AddFontDefault();
    set_current_context(&m_ui);
}

HeadlessImGui::~HeadlessImGui() {
    set_current_context(nullptr);
    ImGui::DestroyContext(m_imgui);
}

bool HeadlessImGui::frame(const std::function<void()>& draw) {
    ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
    const bool changed = draw_panel_frame(m_ui, draw);
    if (const char* unbalanced = m_ui.take_unbalanced_stack())
        throw std::logic_error(std::string("the frame left Dear ImGui's stacks unbalanced: ") + unbalanced);
    // The renderer stand-in: every texture request is "done".
    for (ImTextureData* tex : ImGui::GetPlatformIO().Textures) {
        if (tex->Status == ImTextureStatus_WantCreate || tex->Status == ImTextureStatus_WantUpdates) {
            tex->SetTexID(static_cast<ImTextureID>(1));
            tex->SetStatus(ImTextureStatus_OK);
        } else if (tex->Status == ImTextureStatus_WantDestroy) {
            tex->SetTexID(ImTextureID_Invalid);
            tex->SetStatus(ImTextureStatus_Destroyed);
        }
    }
    return changed;
}

void HeadlessImGui::click(const Rect& rect, const std::function<void()>& draw) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMousePosEvent(rect.x + rect.w / 2, rect.y + rect.h / 2);
    frame(draw);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
    frame(draw);
    io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    frame(draw);
}

} // namespace support::ui::testing
