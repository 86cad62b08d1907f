#define IMGUI_DEFINE_MATH_OPERATORS // before any header includes imgui.h
#include "shared/ui/focus_ring.h"

#include "shared/ui/ui_context.h"

#include <imgui.h>

namespace support::ui {

namespace {
constexpr float k_focus_ring_width = 2.0f;
}

void draw_focus_ring(NodeId id, const ImVec2& min, const ImVec2& max, float rounding) {
    UiContext& ctx = current_context();
    if (!ctx.focus_ring_visible(id))
        return;
    const ImVec2 pad(k_focus_ring_width, k_focus_ring_width);
    ImGui::GetWindowDrawList()->AddRect(min - pad, max + pad, ImGui::GetColorU32(ImGuiCol_NavCursor),
                                        rounding + k_focus_ring_width, 0, k_focus_ring_width);
    ctx.record_focus_ring(
        {id, Rect{min.x - pad.x, min.y - pad.y, max.x - min.x + 2 * pad.x, max.y - min.y + 2 * pad.y}});
}

} // namespace support::ui
