#define IMGUI_DEFINE_MATH_OPERATORS // before any header includes imgui.h
#include "shared/ui/controls.h"

#include "shared/ui/focus_ring.h"
#include "shared/ui/plain_text.h"
#include "shared/ui/ui_context.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cstring>

namespace support::ui {

namespace {

constexpr float k_min_touch_target = 44.0f; // WCAG 2.5.5: touch targets of at least 44 × 44 CSS px

// The visible part of an ImGui label: "Close##header" → "Close"; "###id" labels show nothing.
std::string visible_label(const char* label) {
    const char* end = std::strstr(label, "##");
    return end ? std::string(label, end) : std::string(label);
}

Rect last_item_rect() {
    ImVec2 min = ImGui::GetItemRectMin();
    ImVec2 max = ImGui::GetItemRectMax();
    return Rect{min.x, min.y, max.x - min.x, max.y - min.y};
}

// The ring around the item just drawn.
void draw_item_focus_ring(NodeId id) {
    draw_focus_ring(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), ImGui::GetStyle().FrameRounding);
}

// In a right-to-left UI, items placed one after another on a line (ImGui::SameLine) run from the
// right edge leftwards: an item `width` wide is drawn where its mirror image would be, and the
// line goes on from where ImGui would have put it. Restore with the returned guard.
class MirroredPlacement {
  public:
    MirroredPlacement(bool right_to_left, float width) : m_window(ImGui::GetCurrentWindow()) {
        if (!right_to_left)
            return;
        m_active = true;
        m_ltr_x = m_window->DC.CursorPos.x;
        m_width = width;
        // Between the line's start (after any indent) and the region's right edge.
        const float left = m_window->Pos.x + m_window->DC.Indent.x + m_window->DC.ColumnsOffset.x;
        const float right = m_window->WorkRect.Max.x;
        m_window->DC.CursorPos.x = std::max(left, left + right - (m_ltr_x + width));
    }
    ~MirroredPlacement() {
        if (m_active)
            m_window->DC.CursorPosPrevLine.x = m_ltr_x + m_width;
    }
    MirroredPlacement(const MirroredPlacement&) = delete;
    MirroredPlacement& operator=(const MirroredPlacement&) = delete;

  private:
    ImGuiWindow* m_window;
    bool m_active = false;
    float m_ltr_x = 0;
    float m_width = 0;
};

NodeId static_id(UiContext& ctx, std::string_view text) {
    return ctx.unique_static_id(ImGui::GetID(text.data(), text.data() + text.size()));
}

} // namespace

bool button(const char* label, const ButtonOptions& options) {
    UiContext& ctx = current_context();
    const ButtonStyle style = options.pressed ? ButtonStyle::Primary : options.style;
    const bool quiet = style == ButtonStyle::Quiet;
    const bool secondary = style == ButtonStyle::Secondary;
    if (quiet) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    } else if (secondary) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImGui::GetStyleColorVec4(ImGuiCol_FrameBgHovered));
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, ImGui::GetStyleColorVec4(ImGuiCol_FrameBgHovered));
        ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
    } else {
        // Label colour picked for contrast on the brand colour (the theme keeps it in ImGuiCol_CheckMark).
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_CheckMark));
    }
    const bool icon_only = options.icon == ButtonIcon::Close;
    const bool leading_icon = options.icon == ButtonIcon::Back;
    const float icon_width = leading_icon ? ImGui::GetFontSize() * 0.6f : 0.0f;
    const std::string text = icon_only ? std::string() : visible_label(label);
    const ImVec2 label_size = icon_only ? ImVec2(0, ImGui::GetFontSize()) : plain_text_size(text);
    const ImVec2 padding = ImGui::GetStyle().FramePadding;
    ImVec2 size(options.width > 0 ? options.width : label_size.x + icon_width + padding.x * 2,
                label_size.y + padding.y * 2);
    size.x = std::max(size.x, k_min_touch_target);
    size.y = std::max(size.y, k_min_touch_target);
    // The label is drawn here, through the text path (bidi, joining, script faces), not by ImGui.
    bool pressed = false;
    {
        const MirroredPlacement placement(ctx.right_to_left(), size.x);
        pressed = ImGui::Button((std::string("##") + label).c_str(), size);
    }
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    if (quiet) {
        ImGui::PopStyleColor(2);
    } else if (secondary) {
        ImGui::PopStyleColor(3);
        ImGui::PopStyleVar();
    } else {
        ImGui::PopStyleColor();
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 item_size = ImGui::GetItemRectSize();
    const float mid_y = min.y + item_size.y * 0.5f;
    if (options.icon == ButtonIcon::Close) {
        const ImVec2 centre = min + item_size * 0.5f;
        const float arm = 7.0f;
        draw->AddLine(centre - ImVec2(arm, arm), centre + ImVec2(arm, arm), ink, 2.0f);
        draw->AddLine(centre + ImVec2(-arm, arm), centre + ImVec2(arm, -arm), ink, 2.0f);
    } else if (leading_icon) {
        // "Back" leads with an arrow pointing where the reader came from: left in a left-to-right
        // UI, right (and on the right) in a right-to-left one.
        const float arm = ImGui::GetFontSize() * 0.2f;
        const bool rtl = ctx.right_to_left();
        const float tip_x = rtl ? min.x + item_size.x - padding.x : min.x + padding.x;
        const float back = rtl ? -arm : arm;
        draw->AddLine(ImVec2(tip_x + back, mid_y - arm), ImVec2(tip_x, mid_y), ink, 2.0f);
        draw->AddLine(ImVec2(tip_x, mid_y), ImVec2(tip_x + back, mid_y + arm), ink, 2.0f);
        const float text_x = rtl ? tip_x - icon_width - label_size.x : tip_x + icon_width;
        draw_plain_text(draw, ImVec2(text_x, mid_y - label_size.y * 0.5f), ink, text);
    } else {
        const ImVec2 align = ImGui::GetStyle().ButtonTextAlign;
        draw_plain_text(draw,
                        ImVec2(min.x + std::max(padding.x, (item_size.x - label_size.x) * align.x),
                               min.y + (item_size.y - label_size.y) * align.y),
                        ink, text);
    }

    const NodeId id = ImGui::GetItemID();
    pressed = ctx.take_activation(id) || pressed;
    draw_item_focus_ring(id);

    SemanticNode node;
    node.id = id;
    node.role = Role::Button;
    node.action = Action::Activate;
    node.name = options.accessible_name ? options.accessible_name : visible_label(label);
    node.rect = last_item_rect();
    if (options.pressed)
        node.state |= NodeState_Pressed;
    ctx.emit(std::move(node));
    return pressed;
}

bool link(const char* label, std::string_view href) {
    UiContext& ctx = current_context();
    const std::string text = visible_label(label);
    const ImVec2 text_size = plain_text_size(text);
    const float height = std::max(text_size.y, k_min_touch_target);
    bool pressed = false;
    {
        const MirroredPlacement placement(ctx.right_to_left(), std::max(text_size.x, 1.0f));
        pressed = ImGui::InvisibleButton(label, ImVec2(std::max(text_size.x, 1.0f), height));
    }
    const ImVec2 pos = ImGui::GetItemRectMin();
    const NodeId id = ImGui::GetItemID();
    pressed = ctx.take_activation(id) || pressed;

    const ImU32 colour = ImGui::GetColorU32(ImGuiCol_TextLink);
    const float text_y = pos.y + (height - text_size.y) * 0.5f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw_plain_text(draw, ImVec2(pos.x, text_y), colour, text);
    draw->AddLine(ImVec2(pos.x, text_y + text_size.y), ImVec2(pos.x + text_size.x, text_y + text_size.y),
                  colour, ImGui::IsItemHovered() ? 2.0f : 1.0f);
    draw_item_focus_ring(id);

    SemanticNode node;
    node.id = id;
    node.role = Role::Link;
    node.action = Action::Activate;
    node.name = text;
    node.href = std::string(href);
    node.rect = last_item_rect();
    ctx.emit(std::move(node));
    return pressed;
}

void heading(std::string_view text, int level, float wrap_width) {
    UiContext& ctx = current_context();
    level = std::clamp(level, 1, 6);
    // Sizes relative to the body font: h1 1.375×, h2 1.25×, h3 and below 1.125×.
    const float scale = level == 1 ? 1.375f : level == 2 ? 1.25f : 1.125f;
    ImGui::PushFont(nullptr, ImGui::GetFontSize() * scale);
    text_item(text, wrap_width > 0 ? wrap_width : 0.0f);
    ImGui::PopFont();

    SemanticNode node;
    node.id = static_id(ctx, text);
    node.role = Role::Heading;
    node.name = std::string(text);
    node.level = level;
    node.rect = last_item_rect();
    ctx.emit(std::move(node));
}

void paragraph(std::string_view text) {
    UiContext& ctx = current_context();
    text_item(text);

    SemanticNode node;
    node.id = static_id(ctx, text);
    node.role = Role::Paragraph;
    node.name = std::string(text);
    node.rect = last_item_rect();
    ctx.emit(std::move(node));
}

bool text_field(const char* label, std::string& value, const TextFieldOptions& options) {
    UiContext& ctx = current_context();
    const ImGuiStyle& style = ImGui::GetStyle();
    if (options.show_label) {
        // Part of the field, not a node of its own: the field's accessible name is the same words.
        text_item(visible_label(label));
    }
    const bool multiline = options.kind == TextFieldKind::Multiline;
    const float line_height = ImGui::GetTextLineHeightWithSpacing();
    const float height =
        multiline ? line_height * static_cast<float>(std::max(options.lines, 2)) + style.FramePadding.y * 2
                  : std::max(ImGui::GetFontSize() + style.FramePadding.y * 2, k_min_touch_target);
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(label, ImVec2(std::max(width, 1.0f), height));
    const NodeId id = ImGui::GetItemID();

    bool changed = false;
    if (auto typed = ctx.take_text(id); typed && *typed != value) {
        value = std::move(*typed);
        changed = true;
    }
    const bool sends = multiline && options.send != nullptr;
    if (sends)
        *options.send = ctx.take_activation(id); // Enter in the native element (after its text)

    // Drawn when the native input is not over it; while focused the input shows the same value.
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(pos.x + width, pos.y + height);
    const bool focused = ctx.focused() == id;
    draw->AddRectFilled(pos, max, ImGui::GetColorU32(ImGuiCol_FrameBg), style.FrameRounding);
    // An invalid field keeps a 2 px border in the error colour (ImGuiCol_PlotLines: see theme.cpp).
    const ImGuiCol border = options.invalid ? ImGuiCol_PlotLines
                            : focused       ? ImGuiCol_NavCursor
                                            : ImGuiCol_Border;
    draw->AddRect(pos, max, ImGui::GetColorU32(border), style.FrameRounding, 0,
                  focused || options.invalid ? 2.0f : 1.0f);
    const bool show_placeholder = value.empty();
    const char* shown = show_placeholder ? options.placeholder : value.c_str();
    const ImU32 colour = ImGui::GetColorU32(show_placeholder ? ImGuiCol_TextDisabled : ImGuiCol_Text);
    draw->PushClipRect(pos, max, true);
    if (multiline) {
        // Wrapped to the field, from the top; what does not fit is clipped (the native element
        // scrolls while editing).
        const ImVec2 text_pos(pos.x + style.FramePadding.x, pos.y + style.FramePadding.y);
        draw_plain_text(draw, text_pos, colour, shown, width - style.FramePadding.x * 2);
    } else if (options.kind == TextFieldKind::Password && !show_placeholder) {
        // One dot per character (code point), never the password itself.
        const float radius = ImGui::GetFontSize() * 0.18f;
        float x = pos.x + style.FramePadding.x + radius;
        for (char c : value) {
            if ((static_cast<unsigned char>(c) & 0xC0) == 0x80)
                continue;
            draw->AddCircleFilled(ImVec2(x, pos.y + height * 0.5f), radius, colour);
            x += radius * 3.0f;
        }
    } else {
        // One line, aligned like the native input shows it (dir="auto": right for right-to-left).
        const ImVec2 text_pos(pos.x + style.FramePadding.x, pos.y + (height - ImGui::GetFontSize()) * 0.5f);
        const std::string_view line = std::string_view(shown).substr(0, std::string_view(shown).find('\n'));
        draw_plain_text(draw, text_pos, colour, line, width - style.FramePadding.x * 2);
    }
    draw->PopClipRect();

    SemanticNode node;
    node.id = id;
    node.role = options.kind == TextFieldKind::Search ? Role::SearchBox : Role::TextBox;
    node.action = Action::EditText;
    node.name = visible_label(label);
    node.value = value;
    node.placeholder = options.placeholder;
    node.input = options.kind == TextFieldKind::Email       ? TextInput::Email
                 : sends                                    ? TextInput::Message
                 : options.kind == TextFieldKind::Multiline ? TextInput::Multiline
                 : options.kind == TextFieldKind::Password  ? TextInput::Password
                                                            : TextInput::Text;
    node.max_chars = options.max_chars;
    if (options.invalid)
        node.state |= NodeState_Invalid;
    if (ctx.app_changed_value(id, value))
        node.state |= NodeState_Replaced;
    node.rect = last_item_rect();
    ctx.emit(std::move(node));
    return changed;
}

void status_text(const char* id, std::string_view text) {
    UiContext& ctx = current_context();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (!text.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_item(text);
        ImGui::PopStyleColor();
    }
    SemanticNode node;
    node.id = ctx.unique_static_id(ImGui::GetID(id));
    node.role = Role::Status;
    node.name = std::string(text);
    node.rect = text.empty() ? Rect{pos.x, pos.y, 0, 0} : last_item_rect();
    ctx.emit(std::move(node));
}

void announcement(const char* id, std::string_view text) {
    UiContext& ctx = current_context();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    SemanticNode node;
    node.id = ctx.unique_static_id(ImGui::GetID(id));
    node.role = Role::Status;
    node.name = std::string(text);
    node.rect = Rect{pos.x, pos.y, 0, 0};
    ctx.emit(std::move(node));
}

void error_text(const char* id, std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_PlotLines));
    ImGui::PushStyleColor(ImGuiCol_TextDisabled, ImGui::GetStyleColorVec4(ImGuiCol_PlotLines));
    status_text(id, text);
    ImGui::PopStyleColor(2);
}

void progress_bar(const char* label, float fraction) {
    UiContext& ctx = current_context();
    fraction = std::clamp(fraction, 0.0f, 1.0f);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float height = 6.0f;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, ImVec2(pos.x + width, pos.y + height), ImGui::GetColorU32(ImGuiCol_FrameBg),
                        height / 2);
    if (fraction > 0)
        draw->AddRectFilled(pos, ImVec2(pos.x + width * fraction, pos.y + height),
                            ImGui::GetColorU32(ImGuiCol_Button), height / 2);
    ImGui::Dummy(ImVec2(width, height));

    SemanticNode node;
    node.id = ctx.unique_static_id(ImGui::GetID(label));
    node.role = Role::ProgressBar;
    node.name = visible_label(label);
    node.value = std::to_string(static_cast<int>(fraction * 100.0f + 0.5f));
    node.rect = last_item_rect();
    ctx.emit(std::move(node));
}

bool row_button(const char* id, std::string_view accessible_name, bool chosen, float height) {
    UiContext& ctx = current_context();
    const float width = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    const bool clicked = ImGui::InvisibleButton(id, ImVec2(width, std::max(height, k_min_touch_target)));
    const NodeId node_id = ImGui::GetItemID();
    const bool pressed = ctx.take_activation(node_id) || clicked;
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    if (chosen || ImGui::IsItemHovered())
        ImGui::GetWindowDrawList()->AddRectFilled(
            min, max, ImGui::GetColorU32(chosen ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg));
    ImGui::GetWindowDrawList()->AddLine(ImVec2(min.x, max.y - 0.5f), ImVec2(max.x, max.y - 0.5f),
                                        ImGui::GetColorU32(ImGuiCol_Separator));
    draw_item_focus_ring(node_id);

    // A list holds list items only: the row is one, and the button its content.
    SemanticNode item;
    item.id = ctx.unique_static_id(node_id ^ 0x9e3779b9u);
    item.role = Role::ListItem;
    item.rect = last_item_rect();
    const std::size_t item_index = ctx.emit(std::move(item));
    SemanticNode node;
    node.id = node_id;
    node.parent = ctx.tree().nodes()[item_index].id;
    node.role = Role::Button;
    node.action = Action::Activate;
    node.name = std::string(accessible_name);
    node.rect = last_item_rect();
    if (chosen)
        node.state |= NodeState_Pressed;
    ctx.emit(std::move(node));
    return pressed;
}

void begin_list(const char* label) {
    UiContext& ctx = current_context();
    SemanticNode node;
    // Often titled like the heading above it ("Step-by-step guides"): emit() keeps the ids apart.
    node.id = ImGui::GetID(label);
    node.role = Role::List;
    node.name = visible_label(label);
    const std::size_t index = ctx.emit(std::move(node));
    const ImVec2 start = ImGui::GetCursorScreenPos();
    ctx.open_container({index, start.x, start.y});
    ImGui::PushID(label);
}

void list_item(std::string_view text) {
    UiContext& ctx = current_context();
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const float bullet = ImGui::GetFontSize() * 0.8f;
    const float avail = std::max(ImGui::GetContentRegionAvail().x, 1.0f);
    // The bullet leads the line: on the left, or on the right in a right-to-left UI.
    const bool rtl = ctx.right_to_left();
    const float bullet_x = rtl ? pos.x + avail - bullet * 0.4f : pos.x + bullet * 0.4f;
    ImGui::GetWindowDrawList()->AddCircleFilled(ImVec2(bullet_x, pos.y + ImGui::GetFontSize() * 0.5f), 2.5f,
                                                ImGui::GetColorU32(ImGuiCol_Text));
    ImGui::SetCursorScreenPos(ImVec2(rtl ? pos.x : pos.x + bullet, pos.y));
    text_item(text, std::max(avail - bullet, 1.0f));

    SemanticNode node;
    node.id = static_id(ctx, text);
    node.role = Role::ListItem;
    node.name = std::string(text);
    const ImVec2 max = ImGui::GetItemRectMax();
    node.rect = Rect{pos.x, pos.y, std::max(max.x, pos.x + avail) - pos.x, max.y - pos.y};
    ctx.emit(std::move(node));
}

void end_list() {
    UiContext& ctx = current_context();
    ImGui::PopID();
    const UiContext::OpenContainer open = ctx.close_container();
    const ImVec2 end = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x + (end.x - open.x);
    ctx.tree().at(open.node_index).rect = Rect{open.x, open.y, width, end.y - open.y};
}

} // namespace support::ui
