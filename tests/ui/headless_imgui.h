#pragma once
// Dear ImGui with no renderer, for tests: a context with a display size, a font, and a renderer
// stand-in that accepts texture requests, so controls can be drawn and clicked natively.

#include "shared/ui/ui_context.h"

#include <imgui.h>

#include <functional>

namespace support::ui::testing {

class HeadlessImGui {
  public:
    HeadlessImGui(float width = 380, float height = 600);
    ~HeadlessImGui();
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;

    // Draws one frame through ui::draw_panel_frame(), as shared/web does in the browser. Returns
    // whether the semantic nodes changed.
    bool frame(const std::function<void()>& draw);

    // A real pointer click at the centre of a rectangle, through ImGui's input queue, over the frames
    // ImGui needs to see the move, the press and the release.
    void click(const Rect& rect, const std::function<void()>& draw);

    UiContext& ui() { return m_ui; }

  private:
    ImGuiContext* m_imgui = nullptr;
    UiContext m_ui;
};

} // namespace support::ui::testing
