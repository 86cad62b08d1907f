#include "shared/ui/theme.h"

#include <imgui.h>

namespace support::ui {

namespace {

ImVec4 to_vec4(Rgb c, float alpha = 1.0f) {
    return ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha);
}

Rgb mix(Rgb a, Rgb b, float t) {
    auto lerp = [t](std::uint8_t x, std::uint8_t y) {
        return static_cast<std::uint8_t>(static_cast<float>(x) +
                                         (static_cast<float>(y) - static_cast<float>(x)) * t);
    };
    return Rgb{lerp(a.r, b.r), lerp(a.g, b.g), lerp(a.b, b.b)};
}

} // namespace

Theme make_theme(Rgb brand) {
    Theme theme;
    theme.brand = brand;
    theme.on_brand = readable_text_on(brand);
    // A light brand colour (yellow, sky blue) would make unreadable links: darken it in small steps
    // until it clears WCAG's 4.5:1 on the panel's surface. Black always does, so this ends.
    theme.link = brand;
    for (float t = 0.1f; contrast_ratio(theme.link, theme.surface) < 4.5 && t <= 1.0f; t += 0.1f)
        theme.link = mix(brand, Rgb{0, 0, 0}, t);
    return theme;
}

void apply_theme(const Theme& theme) {
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(16, 16);
    style.FramePadding = ImVec2(12, 10);
    style.ItemSpacing = ImVec2(8, 12);
    style.FrameRounding = 8;
    style.WindowRounding = 0;
    style.WindowBorderSize = 0;
    style.FrameBorderSize = 0;
    style.ScrollbarSize = 10;

    ImVec4* colours = style.Colors;
    colours[ImGuiCol_WindowBg] = to_vec4(theme.surface);
    colours[ImGuiCol_Text] = to_vec4(theme.text);
    colours[ImGuiCol_TextDisabled] = to_vec4(theme.muted_text);
    colours[ImGuiCol_Border] = to_vec4(theme.border);
    colours[ImGuiCol_FrameBg] = to_vec4(theme.field);
    colours[ImGuiCol_Button] = to_vec4(theme.brand);
    colours[ImGuiCol_ButtonHovered] = to_vec4(mix(theme.brand, theme.on_brand, 0.12f));
    colours[ImGuiCol_ButtonActive] = to_vec4(mix(theme.brand, Rgb{0, 0, 0}, 0.15f));
    colours[ImGuiCol_NavCursor] = to_vec4(theme.brand);
    colours[ImGuiCol_Separator] = to_vec4(mix(theme.border, theme.surface, 0.5f));
    colours[ImGuiCol_ScrollbarBg] = to_vec4(theme.surface);
    colours[ImGuiCol_ScrollbarGrab] = to_vec4(theme.border);
    colours[ImGuiCol_TextLink] = to_vec4(theme.link);
    // The panel draws no check marks: this slot holds the label colour for brand-coloured buttons.
    colours[ImGuiCol_CheckMark] = to_vec4(theme.on_brand);
    colours[ImGuiCol_TextSelectedBg] = to_vec4(theme.highlight);
    colours[ImGuiCol_FrameBgHovered] = to_vec4(theme.code_background);
    // The panel draws no plot lines: this slot holds the error colour (ui::error_text, invalid fields).
    colours[ImGuiCol_PlotLines] = to_vec4(theme.error);
}

} // namespace support::ui
