#include "shared/ui/scrolling_child.h"

#include "shared/ui/ui_context.h"

#include <imgui_internal.h>

#include <algorithm>

namespace support::ui {
namespace {

float gutter() {
    return ImGui::GetStyle().ScrollbarSize + 4.0f;
}

// The left scrollbar of the current window: a track the window's height, a grab sized to the part
// shown; dragging the grab (or pressing the track) scrolls.
void draw_left_scrollbar() {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float max_scroll = ImGui::GetScrollMaxY();
    if (max_scroll <= 0.0f)
        return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const ImRect track(window->Pos,
                       ImVec2(window->Pos.x + style.ScrollbarSize, window->Pos.y + window->Size.y));
    const float visible = window->Size.y;
    const float grab_height = std::clamp(track.GetHeight() * visible / (visible + max_scroll),
                                         style.ScrollbarSize * 2, track.GetHeight());
    const float travel = track.GetHeight() - grab_height;

    const ImGuiID id = window->GetID("##left-scrollbar");
    ImGui::KeepAliveID(id);
    bool hovered = false;
    bool held = false;
    ImGui::ItemAdd(track, id, nullptr, ImGuiItemFlags_NoNav);
    ImGui::ButtonBehavior(track, id, &hovered, &held, ImGuiButtonFlags_NoNavFocus);
    if (held && travel > 0.0f) {
        const float mouse = ImGui::GetIO().MousePos.y - track.Min.y - grab_height * 0.5f;
        ImGui::SetScrollY(std::clamp(mouse / travel, 0.0f, 1.0f) * max_scroll);
    }
    const float grab_top = track.Min.y + travel * (ImGui::GetScrollY() / max_scroll);
    ImDrawList* draw = window->DrawList;
    draw->PushClipRect(window->Pos, ImVec2(window->Pos.x + window->Size.x, window->Pos.y + window->Size.y),
                       false);
    draw->AddRectFilled(track.Min, track.Max, ImGui::GetColorU32(ImGuiCol_ScrollbarBg));
    const ImGuiCol grab_colour = held      ? ImGuiCol_ScrollbarGrabActive
                                 : hovered ? ImGuiCol_ScrollbarGrabHovered
                                           : ImGuiCol_ScrollbarGrab;
    draw->AddRectFilled(ImVec2(track.Min.x + 2.0f, grab_top),
                        ImVec2(track.Max.x - 2.0f, grab_top + grab_height), ImGui::GetColorU32(grab_colour),
                        style.ScrollbarRounding);
    draw->PopClipRect();
}

} // namespace

void begin_scrolling_child(const char* id, const ImVec2& size) {
    if (!current_context().right_to_left()) {
        ImGui::BeginChild(id, size);
        return;
    }
    ImGui::BeginChild(id, size, ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar);
    ImGui::Indent(gutter()); // the content keeps clear of the scrollbar on its left
}

void end_scrolling_child() {
    if (current_context().right_to_left()) {
        ImGui::Unindent(gutter());
        draw_left_scrollbar();
    }
    ImGui::EndChild();
}

} // namespace support::ui
