#pragma once
// One frame of a panel app's UI: everything between ImGui::NewFrame() and ImGui::Render(). The
// app's drawing runs inside a window that fills the display, bracketed by the context's semantic
// frame. shared/web draws every frame through this, and so do the native tests, so what they
// exercise is the production framing, not a copy.

#include "shared/ui/ui_context.h"

#include <functional>

namespace support::ui {

// Returns true when the frame's semantic nodes differ from the previous frame's. A frame whose drawing
// left one of Dear ImGui's stacks unbalanced is reported to the context (take_unbalanced_stack()).
bool draw_panel_frame(UiContext& context, const std::function<void()>& draw);

} // namespace support::ui
