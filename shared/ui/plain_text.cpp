#include "shared/ui/plain_text.h"

#include "shared/ui/text_layout.h"
#include "shared/ui/ui_context.h"

#include "shared/core/text/bidi_levels.h"
#include "shared/core/text/utf8.h"

#include <imgui_internal.h>

#include <algorithm>

namespace support::ui {

ImVec2 plain_text_size(std::string_view text, float wrap_width) {
    const TextRun runs[] = {{text}};
    const TextLayout layout = lay_out_text(runs, wrap_width);
    return ImVec2(layout.width, std::max(layout.height(), text.empty() ? 0.0f : ImGui::GetFontSize()));
}

void draw_plain_text(ImDrawList* draw, const ImVec2& pos, ImU32 colour, std::string_view text,
                     float wrap_width) {
    if (text.empty())
        return;
    const TextRun runs[] = {{text}};
    const TextLayout layout = lay_out_text(runs, wrap_width);
    record_drawn_lines(layout, runs, pos);
    for (const PlacedFragment& fragment : layout.fragments) {
        const std::string_view glyphs = fragment.glyphs.empty()
                                            ? text.substr(fragment.begin, fragment.end - fragment.begin)
                                            : std::string_view(fragment.glyphs);
        draw->AddText(
            nullptr, 0.0f,
            ImVec2(pos.x + fragment.x, pos.y + static_cast<float>(fragment.line) * layout.line_height),
            colour, glyphs.data(), glyphs.data() + glyphs.size());
    }
}

bool reads_right_to_left(std::string_view text) {
    std::u32string code_points;
    code_points.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const auto decoded = support::text::decode_utf8(text, i);
        code_points.push_back(decoded.value);
        i += decoded.length;
    }
    return support::text::first_strong_level(code_points, current_context().right_to_left() ? 1 : 0) == 1;
}

void text_item(std::string_view text, float wrap_width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems)
        return;
    const ImVec2 pos = window->DC.CursorPos;
    if (wrap_width <= 0.0f)
        wrap_width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    const TextRun runs[] = {{text}};
    const TextLayout layout = lay_out_text(runs, wrap_width);
    const ImVec2 size(layout.width, std::max(layout.height(), ImGui::GetFontSize()));
    const ImRect bb(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size, 0.0f);
    if (!ImGui::ItemAdd(bb, 0))
        return;
    draw_text_layout(layout, runs, pos, {.text = ImGui::GetColorU32(ImGuiCol_Text)});
}

} // namespace support::ui
