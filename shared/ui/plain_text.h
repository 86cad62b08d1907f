#pragma once
// Plain text (one style, the current font and colour) through the one path shared/ui draws text
// with (text_layout.h): bidi reordering, Arabic joining, script faces, right-aligned right-to-left
// paragraphs. For labels, headings, values and the console's rows; never ImGui's own text calls,
// which know none of this.

#include <imgui.h>

#include <cfloat>
#include <string_view>

namespace support::ui {

// The size of `text` laid out within `wrap_width` (FLT_MAX: one line per '\n').
ImVec2 plain_text_size(std::string_view text, float wrap_width = FLT_MAX);

// Draws `text` with its top-left corner at `pos` (screen position). Within a finite
// `wrap_width` it wraps, and right-to-left paragraphs end at pos.x + wrap_width.
void draw_plain_text(ImDrawList* draw, const ImVec2& pos, ImU32 colour, std::string_view text,
                     float wrap_width = FLT_MAX);

// Whether text reads right to left: its first strong letter decides, else the UI's direction.
bool reads_right_to_left(std::string_view text);

// Like ImGui::TextUnformatted: an item at the cursor in ImGuiCol_Text, wrapped to `wrap_width`
// (0: the space left on the line; FLT_MAX: one line per '\n').
void text_item(std::string_view text, float wrap_width = 0.0f);

} // namespace support::ui
