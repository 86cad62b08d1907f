#include "console/views/feedback_view.h"

#include "console/views/feedback_detail_pane.h"
#include "shared/core/text/utf8.h"
#include "shared/core/text/white_space.h"
#include "shared/ui/controls.h"
#include "shared/ui/plain_text.h"
#include "shared/ui/ui_context.h"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <span>

namespace support::console {

namespace {

constexpr float k_wide_layout = 900.0f; // CSS px: the list and the detail side by side from here

struct Choice {
    const char* label;
    const char* value;
};

// A row of toggle buttons, one of them pressed; true when the choice changed. `then_same_line`: the
// next group follows on this line when it fits (the buttons wrap when it does not).
bool choice_buttons(const char* group, std::span<const Choice> choices, std::string& value,
                    bool then_same_line = false) {
    bool changed = false;
    ImGui::PushID(group);
    for (const Choice& choice : choices) {
        if (ImGui::GetContentRegionAvail().x < ui::plain_text_size(choice.label).x + 40.0f)
            ImGui::NewLine();
        if (ui::button(choice.label,
                       {.style = ui::ButtonStyle::Secondary, .pressed = value == choice.value})) {
            changed = value != choice.value;
            value = choice.value;
        }
        ImGui::SameLine();
    }
    if (then_same_line)
        ImGui::SameLine(0.0f, 24.0f);
    else
        ImGui::NewLine();
    ImGui::PopID();
    return changed;
}

std::string count_text(const FeedbackRows& rows) {
    if (!rows.error().empty())
        return rows.error();
    if (!rows.counted())
        return "Loading feedback";
    std::string digits = std::to_string(rows.total());
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), ",");
    return rows.total() == 1 ? "1 item" : digits + " items";
}

std::string quoted_excerpt(const std::string& comment, std::size_t max_bytes) {
    if (comment.empty())
        return {};
    std::string excerpt(text::truncate_utf8(comment, max_bytes)); // never half a character
    for (char& c : excerpt)
        if (c == '\n' || c == '\r')
            c = ' ';
    return "“" + excerpt + (excerpt.size() < comment.size() ? "…" : "") + "”";
}

// What a screen reader says for a row: the same facts as the columns, in reading order.
std::string row_name(const FeedbackItem& item) {
    std::string name = describe_feedback(item);
    if (!item.subject.empty())
        name += ": " + item.subject;
    if (const std::string excerpt = quoted_excerpt(item.comment, 120); !excerpt.empty())
        name += ", " + excerpt;
    name += ", " + status_label(item.status) + ", " + calendar::format_utc_minute(item.received_at_ms);
    return name;
}

void draw_row_content(const FeedbackItem& item) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float line = ImGui::GetTextLineHeight();
    const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    draw->PushClipRect(min, max, true);
    const float x = min.x + style.FramePadding.x;
    const std::string when = calendar::format_utc_minute(item.received_at_ms);
    const float when_width = ui::plain_text_size(when).x;
    const std::string status = status_label(item.status);
    const float status_width = ui::plain_text_size(status).x;
    const float right = max.x - style.FramePadding.x;
    std::string title = describe_feedback(item) + (item.subject.empty() ? "" : " · " + item.subject);
    for (const auto& tag : item.tags)
        title += "  #" + tag;
    draw->PushClipRect(min, ImVec2(right - when_width - status_width - 24.0f, max.y), true);
    ui::draw_plain_text(draw, ImVec2(x, min.y + style.FramePadding.y), ink, title);
    draw->PopClipRect();
    ui::draw_plain_text(draw, ImVec2(right - when_width - status_width - 16.0f, min.y + style.FramePadding.y),
                        ink, status);
    ui::draw_plain_text(draw, ImVec2(right - when_width, min.y + style.FramePadding.y), muted, when);
    const std::string excerpt = quoted_excerpt(item.comment, 200);
    const std::string second = !excerpt.empty() ? excerpt : item.page_url;
    ui::draw_plain_text(draw, ImVec2(x, min.y + style.FramePadding.y + line + 4.0f), muted, second);
    draw->PopClipRect();
}

void draw_filters(FeedbackViewState& state) {
    static constexpr std::array<Choice, 4> k_status = {
        {{"All##status", ""}, {"New", "new"}, {"In progress", "in_progress"}, {"Resolved", "resolved"}}};
    static constexpr std::array<Choice, 3> k_helpful = {
        {{"Any answer", ""}, {"Helpful", "yes"}, {"Not helpful", "no"}}};
    static constexpr std::array<Choice, 7> k_kind = {{{"All kinds", ""},
                                                      {"Article votes", "article_helpful"},
                                                      {"Page votes", "page"},
                                                      {"Searches", "search_miss"},
                                                      {"Guides", "guide"},
                                                      {"Problem reports", "problem_report"},
                                                      {"Chat ratings", "chat_csat"}}};
    choice_buttons("status", k_status, state.filters.status, true);
    choice_buttons("helpful", k_helpful, state.filters.helpful);
    choice_buttons("kind", k_kind, state.filters.kind, true);
    static constexpr std::array<Choice, 2> k_order = {{{"Newest first", ""}, {"Oldest first", "oldest"}}};
    std::string order = state.filters.oldest_first ? "oldest" : "";
    choice_buttons("order", k_order, order);
    state.filters.oldest_first = order == "oldest";
    ui::text_field("Search feedback", state.search_text,
                   {.kind = ui::TextFieldKind::Search, .placeholder = "Search comments, pages and searches"});
    state.filters.text = std::string(text::trim_white_space(state.search_text));
}

void draw_table(FeedbackViewState& state, FeedbackRows& rows, FeedbackDetail& detail, float height) {
    ImGui::BeginChild("##feedback-table", ImVec2(0, height), ImGuiChildFlags_None, ImGuiWindowFlags_None);
    const float row_height = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().FramePadding.y * 2 + 6.0f;
    const std::int64_t chosen = detail.item() ? detail.item()->id : 0;
    if (state.scroll_to_chosen) {
        state.scroll_to_chosen = false;
        if (const auto index = rows.index_of(chosen)) {
            const float top = static_cast<float>(*index) * row_height;
            if (top < ImGui::GetScrollY() ||
                top + row_height > ImGui::GetScrollY() + ImGui::GetWindowHeight())
                ImGui::SetScrollY(top - ImGui::GetWindowHeight() * 0.4f);
        }
    }
    ui::begin_list("Feedback items");
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(rows.total()), row_height);
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            ImGui::PushID(i);
            if (const FeedbackItem* item = rows.row(static_cast<std::size_t>(i))) {
                if (i == 0 && state.focus_first_row) {
                    state.focus_first_row = false; // keys work at once: J opens the next item
                    ui::current_context().focus_next_control();
                }
                if (ui::row_button("##row", row_name(*item), item->id == chosen, row_height))
                    detail.open(*item);
                draw_row_content(*item);
            } else {
                ImGui::Dummy(ImVec2(ImGui::GetContentRegionAvail().x, row_height));
                const ImVec2 min = ImGui::GetItemRectMin();
                ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(min.x + 8, min.y + 10),
                                                          ImVec2(min.x + 260, min.y + 22),
                                                          ImGui::GetColorU32(ImGuiCol_FrameBg), 4.0f);
            }
            ImGui::PopID();
        }
    }
    ui::end_list();
    ImGui::EndChild();
}

// Triage from the keyboard (never while typing: keys in a text field stay the field's):
// J / K open the next / previous item, R resolves it, I marks it in progress, T goes to the tag field.
void handle_shortcuts(FeedbackViewState& state, FeedbackRows& rows, FeedbackDetail& detail) {
    const bool next = ImGui::IsKeyPressed(ImGuiKey_J, false);
    const bool previous = ImGui::IsKeyPressed(ImGuiKey_K, false);
    if (next || previous) {
        std::size_t target = 0;
        if (detail.item()) {
            const auto index = rows.index_of(detail.item()->id);
            if (!index || (previous && *index == 0))
                return;
            target = previous ? *index - 1 : *index + 1;
        }
        if (const FeedbackItem* item = target < rows.total() ? rows.row(target) : nullptr) {
            detail.open(*item);
            state.scroll_to_chosen = true;
        }
        return;
    }
    if (!detail.item())
        return;
    if (ImGui::IsKeyPressed(ImGuiKey_R, false) && detail.item()->status != "resolved")
        detail.set_status("resolved");
    else if (ImGui::IsKeyPressed(ImGuiKey_I, false) && detail.item()->status != "in_progress")
        detail.set_status("in_progress");
    else if (ImGui::IsKeyPressed(ImGuiKey_T, false))
        state.focus_new_tag = true;
}

} // namespace

FeedbackViewAction draw_feedback_view(FeedbackViewState& state, FeedbackRows& rows, FeedbackDetail& detail) {
    FeedbackViewAction action = FeedbackViewAction::None;
    handle_shortcuts(state, rows, detail);
    const bool wide = ImGui::GetContentRegionAvail().x >= k_wide_layout;
    if (!wide && detail.item()) {
        // Narrow: the detail takes the whole view; Back returns to the list at the same row.
        if (ui::button("Back to the list", {.style = ui::ButtonStyle::Quiet, .icon = ui::ButtonIcon::Back})) {
            detail.close();
            state.scroll_to_chosen = true;
        } else {
            ImGui::BeginChild("##detail", ImVec2(0, 0));
            draw_feedback_detail_pane(state, detail);
            ImGui::EndChild();
            return action;
        }
    }
    if (wide) {
        draw_filters(state);
    } else {
        if (ui::button(state.filters_shown ? "Hide filters" : "Show filters",
                       {.style = ui::ButtonStyle::Secondary, .pressed = state.filters_shown}))
            state.filters_shown = !state.filters_shown;
        if (state.filters_shown)
            draw_filters(state);
        else
            ui::text_field("Search feedback", state.search_text,
                           {.kind = ui::TextFieldKind::Search, .placeholder = "Search feedback"});
        state.filters.text = std::string(text::trim_white_space(state.search_text));
    }
    rows.set_filters(state.filters);
    if (ui::button("Refresh", {.style = ui::ButtonStyle::Secondary}))
        rows.refresh();
    ImGui::SameLine();
    if (ui::button("Export CSV", {.style = ui::ButtonStyle::Secondary}))
        action = FeedbackViewAction::ExportCsv;
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ui::status_text("feedback-count", count_text(rows));

    // Never squeezed to nothing: with the filters open in a short window the view scrolls instead.
    const float height = std::max(ImGui::GetContentRegionAvail().y, 240.0f);
    if (wide) {
        const float list_width = ImGui::GetContentRegionAvail().x * 0.58f;
        ImGui::BeginChild("##list-column", ImVec2(list_width, height));
        draw_table(state, rows, detail, 0);
        ImGui::EndChild();
        ImGui::SameLine();
        ImGui::BeginChild("##detail", ImVec2(0, height), ImGuiChildFlags_Borders);
        if (detail.item())
            draw_feedback_detail_pane(state, detail);
        else
            ui::paragraph("Choose an item to see everything the shopper's page sent, and to triage it.");
        ImGui::EndChild();
    } else {
        draw_table(state, rows, detail, height);
    }
    return action;
}

} // namespace support::console
