#include "console/views/feedback_detail_pane.h"

#include "console/views/context_facts_pane.h"
#include "shared/core/text/white_space.h"
#include "shared/ui/controls.h"
#include "shared/ui/plain_text.h"
#include "shared/ui/ui_context.h"

#include <imgui.h>

#include <array>

namespace support::console {

namespace {

std::string activity_line(const FeedbackActivityEntry& entry) {
    std::string what;
    if (entry.action == "status")
        what = "set the status to " + status_label(entry.value);
    else if (entry.action == "tag_added")
        what = "added the tag " + entry.value;
    else if (entry.action == "tag_removed")
        what = "removed the tag " + entry.value;
    else
        what = "noted: " + entry.value;
    return entry.staff + " " + what + " (" + calendar::format_utc_minute(entry.at_ms) + " UTC)";
}

} // namespace

void draw_feedback_detail_pane(FeedbackViewState& state, FeedbackDetail& detail) {
    const FeedbackItem& item = *detail.item();
    ui::heading(describe_feedback(item) + (item.subject.empty() ? "" : ": " + item.subject), 2);
    if (!item.comment.empty())
        ui::paragraph("“" + item.comment + "”");
    draw_fact("Received", calendar::format_utc_minute(item.received_at_ms) + " UTC");
    draw_fact("Page",
              item.page_url + (item.context.page_title.empty() ? "" : " (" + item.context.page_title + ")"));
    draw_fact("Language", item.locale);
    draw_context_facts(item.context);
    draw_fact("Site", item.site);
    if (!item.email.empty()) {
        ui::text_item("Reply to:", FLT_MAX);
        ImGui::SameLine();
        ui::link(item.email.c_str(), "mailto:" + item.email);
    }

    ui::heading("Status", 3);
    struct StatusChoice {
        const char* label;
        const char* action; // the accessible name: what pressing it does
        const char* value;
    };
    static constexpr std::array<StatusChoice, 3> k_statuses = {
        {{"New", "Mark as new", "new"},
         {"In progress", "Mark as in progress", "in_progress"},
         {"Resolved", "Mark as resolved", "resolved"}}};
    ImGui::PushID("status");
    for (const auto& choice : k_statuses) {
        if (ui::button(choice.label, {.style = ui::ButtonStyle::Secondary,
                                      .accessible_name = choice.action,
                                      .pressed = item.status == choice.value}) &&
            item.status != choice.value)
            detail.set_status(choice.value);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::PopID();

    ui::heading("Tags", 3);
    ImGui::PushID("tags");
    for (const auto& tag : item.tags) {
        const std::string label = tag + " ×##" + tag;
        const std::string name = "Remove the tag " + tag;
        if (ImGui::GetContentRegionAvail().x < ui::plain_text_size(label).x + 40.0f)
            ImGui::NewLine();
        if (ui::button(label.c_str(), {.style = ui::ButtonStyle::Secondary, .accessible_name = name.c_str()}))
            detail.remove_tag(tag);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::PopID();
    if (state.focus_new_tag) {
        state.focus_new_tag = false;
        ui::current_context().focus_next_control();
    }
    ui::text_field("New tag", state.new_tag, {.placeholder = "shipping, vip, content gap", .max_chars = 40});
    if (ui::button("Add tag", {.style = ui::ButtonStyle::Secondary})) {
        if (const std::string tag(text::trim_white_space(state.new_tag)); !tag.empty()) {
            detail.add_tag(tag);
            state.new_tag.clear();
        }
    }

    ui::heading("Internal note", 3);
    ui::text_field("Internal note", state.new_note,
                   {.kind = ui::TextFieldKind::Multiline,
                    .placeholder = "Only staff see notes",
                    .lines = 3,
                    .max_chars = 4000});
    if (ui::button("Add note", {.style = ui::ButtonStyle::Secondary})) {
        if (!text::is_blank(state.new_note)) {
            detail.add_note(state.new_note);
            state.new_note.clear();
        }
    }
    ui::status_text("detail-status", detail.status_message());
    ui::error_text("detail-error", detail.error());

    ui::paragraph("Keys: J next, K previous, R resolved, I in progress, T add a tag.");

    ui::heading("Activity", 3);
    if (item.activity.empty()) {
        ui::paragraph(detail.loading() ? "Loading" : "Nothing yet.");
    } else {
        ui::begin_list("Activity");
        for (auto it = item.activity.rbegin(); it != item.activity.rend(); ++it)
            ui::list_item(activity_line(*it));
        ui::end_list();
    }
}

} // namespace support::console
