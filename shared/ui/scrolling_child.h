#pragma once
// A scrolling region (ImGui child window) whose scrollbar sits on the side a reader expects: the
// right in a left-to-right UI (Dear ImGui's own), the left in a right-to-left one (drawn and
// dragged here; Dear ImGui has no left scrollbar). Wheel, touch and keyboard scrolling are the
// same either way.

#include <imgui.h>

namespace support::ui {

void begin_scrolling_child(const char* id, const ImVec2& size = ImVec2(0, 0));
void end_scrolling_child();

} // namespace support::ui
