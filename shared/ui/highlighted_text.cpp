#include "shared/ui/highlighted_text.h"

#include "shared/ui/focus_ring.h"
#include "shared/ui/ui_context.h"

#define IMGUI_DEFINE_MATH_OPERATORS
#include <imgui.h>

#include <algorithm>

namespace support::ui {

namespace {

constexpr float k_min_touch_target = 44.0f;
const ImVec2 k_result_padding(10.0f, 8.0f);
constexpr float k_title_snippet_gap = 2.0f;

bool is_continuation(std::string_view text, std::size_t at) {
    return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
}

Rect rect_of(const ImVec2& min, const ImVec2& max) {
    return Rect{min.x, min.y, max.x - min.x, max.y - min.y};
}

} // namespace

std::vector<TextRun> highlight_runs(std::string_view text, std::span<const TextRange> ranges,
                                    FontStyle style) {
    std::vector<TextRange> clean;
    for (TextRange range : ranges) {
        std::size_t begin = std::min<std::size_t>(range.begin, text.size());
        std::size_t end = std::min<std::size_t>(range.end, text.size());
        while (begin > 0 && is_continuation(text, begin))
            --begin;
        while (is_continuation(text, end))
            ++end;
        if (begin < end)
            clean.push_back(TextRange{static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(end)});
    }
    std::sort(clean.begin(), clean.end(), [](TextRange a, TextRange b) { return a.begin < b.begin; });

    std::vector<TextRun> runs;
    std::size_t at = 0;
    auto add = [&](std::size_t begin, std::size_t end, bool highlight) {
        if (end > begin)
            runs.push_back(TextRun{text.substr(begin, end - begin), style, false, highlight, -1});
    };
    for (std::size_t i = 0; i < clean.size(); ++i) {
        std::size_t begin = std::max<std::size_t>(clean[i].begin, at);
        std::size_t end = clean[i].end;
        while (i + 1 < clean.size() && clean[i + 1].begin <= end) // overlapping or touching: merge
            end = std::max<std::size_t>(end, clean[++i].end);
        if (end <= begin)
            continue;
        add(at, begin, false);
        add(begin, end, true);
        at = end;
    }
    add(at, text.size(), false);
    return runs;
}

bool search_result(const char* id, const SearchResultText& result) {
    UiContext& ctx = current_context();
    ImGui::PushID(id);
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    const float text_width = width - k_result_padding.x * 2;

    std::vector<TextRun> title = highlight_runs(result.title, result.title_highlights);
    for (TextRun& run : title)
        run.link = 0;
    const std::vector<TextRun> snippet = highlight_runs(result.snippet, result.snippet_highlights);
    const TextLayout title_layout = lay_out_text(title, text_width);
    const TextLayout snippet_layout = lay_out_text(snippet, text_width);
    const float snippet_gap = snippet.empty() ? 0.0f : k_title_snippet_gap;
    const float height = std::max(k_min_touch_target, k_result_padding.y * 2 + title_layout.height() +
                                                          snippet_gap + snippet_layout.height());

    bool pressed = ImGui::InvisibleButton("##result", ImVec2(width, height));
    const NodeId link_id = ImGui::GetItemID();
    pressed = ctx.take_activation(link_id) || pressed;
    const bool hovered = ImGui::IsItemHovered();
    if (hovered)
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    const ImVec2 max(origin.x + width, origin.y + height);
    const float rounding = ImGui::GetStyle().FrameRounding;

    ImDrawList* draw = ImGui::GetWindowDrawList();
    if (hovered)
        draw->AddRectFilled(origin, max, ImGui::GetColorU32(ImGuiCol_FrameBg), rounding);
    const ImVec2 title_origin = origin + k_result_padding;
    const ImVec2 snippet_origin(title_origin.x, title_origin.y + title_layout.height() + snippet_gap);
    draw_text_layout(title_layout, title, title_origin, {}, hovered ? 0 : -1);
    draw_text_layout(snippet_layout, snippet, snippet_origin,
                     {.text = ImGui::GetColorU32(ImGuiCol_TextDisabled)});
    draw_focus_ring(link_id, origin, max, rounding);

    SemanticNode item;
    item.id = ctx.unique_static_id(ImGui::GetID("##item"));
    item.role = Role::ListItem;
    item.name = std::string(result.title);
    item.rect = rect_of(origin, max);
    const std::size_t index = ctx.emit(std::move(item));
    ctx.open_container({index, origin.x, origin.y});
    SemanticNode link;
    link.id = link_id;
    link.role = Role::Link;
    link.action = Action::Activate;
    link.name = std::string(result.title);
    link.rect = rect_of(origin, max);
    ctx.emit(std::move(link));
    if (!result.snippet.empty()) {
        SemanticNode text;
        text.id = ctx.unique_static_id(ImGui::GetID("##snippet"));
        text.role = Role::Paragraph;
        text.name = std::string(result.snippet);
        text.rect = rect_of(snippet_origin, ImVec2(snippet_origin.x + text_width,
                                                   snippet_origin.y + snippet_layout.height()));
        ctx.emit(std::move(text));
    }
    ctx.close_container();
    ImGui::PopID();
    return pressed;
}

} // namespace support::ui
