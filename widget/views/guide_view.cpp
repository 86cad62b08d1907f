#include "widget/views/guide_view.h"

#include "shared/ui/controls.h"
#include "widget/active_guide.h"
#include "widget/help_content.h"
#include "widget/widget_words.h"

#include <imgui.h>

#include <algorithm>
#include <string_view>

namespace support::widget {

namespace {

ViewAction step_action(guide::GuideEventKind kind, std::size_t choice = 0) {
    ViewAction action;
    action.kind = ViewAction::Kind::GuideStep;
    action.guide_event = kind;
    action.choice = choice;
    return action;
}

// The step's body: blank lines separate paragraphs.
void draw_body(std::string_view body) {
    while (!body.empty()) {
        const std::size_t gap = body.find("\n\n");
        std::string_view paragraph = body.substr(0, gap);
        while (!paragraph.empty() && (paragraph.front() == '\n' || paragraph.front() == ' '))
            paragraph.remove_prefix(1);
        if (!paragraph.empty())
            ui::paragraph(paragraph);
        if (gap == std::string_view::npos)
            break;
        body.remove_prefix(gap + 2);
    }
}

ViewAction draw_finished(const ActiveGuide& active, const HelpContent& content) {
    ViewAction action;
    const auto& outcome = active.last_outcome();
    const guide::Guide* guide = outcome ? content.find_guide(outcome->guide_id) : nullptr;
    ui::heading(guide ? guide->title : tr("Guide"), 2);
    if (!outcome) {
        ui::status_text("guide-status", "");
        return action;
    }
    const bool completed = outcome->kind == guide::OutcomeKind::Completed;
    ui::status_text("guide-status", completed ? tr("Guide complete.") : tr("Guide ended."));
    ui::paragraph(completed ? tr("You followed every step. We hope it helped.")
                            : tr("You left the guide at step {step}.",
                                 {{"step", format_number(outcome->step_number)}}));
    if (guide && ui::button(tr("Start again"), {.style = ui::ButtonStyle::Secondary})) {
        action.kind = ViewAction::Kind::OpenGuide;
        action.guide = static_cast<std::uint32_t>(guide - content.guides().data());
    }
    return action;
}

} // namespace

ViewAction draw_guide_view(const ActiveGuide& active, const HelpContent& content) {
    const guide::GuideRunner& runner = active.runner();
    if (!runner.running())
        return draw_finished(active, content);

    ViewAction action;
    const guide::GuideStep& step = runner.step();
    ImGui::PushID("guide-view");
    ui::heading(runner.guide().title, 2);
    ui::status_text("guide-status", runner.count_text());
    ui::progress_bar(tr("Guide progress"), static_cast<float>(runner.position()) /
                                               static_cast<float>(std::max<std::size_t>(1, runner.total())));
    ui::heading(step.title, 3);
    draw_body(step.body);

    switch (runner.target_state()) {
    case guide::TargetState::Missing:
        ui::paragraph(tr("I can't find this on the page."));
        break;
    case guide::TargetState::OtherPage:
        ui::paragraph(active.other_page_text());
        if (const std::string href = active.other_page_href();
            !href.empty() && ui::link(tr("Go to that page"), href)) {
            action.kind = ViewAction::Kind::OpenLink;
            action.href = href;
        }
        break;
    case guide::TargetState::Searching:
    case guide::TargetState::Found:
    case guide::TargetState::None:
        break;
    }

    for (std::size_t i = 0; i < step.branches.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        if (ui::button(step.branches[i].label.c_str(),
                       {.style = i == 0 ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary}))
            action = step_action(guide::GuideEventKind::Choose, i);
        ImGui::PopID();
    }
    if (const std::string next = active.next_label(); !next.empty()) {
        if (ui::button(next.c_str()))
            action = step_action(guide::GuideEventKind::Next);
        ImGui::SameLine();
    }
    if (runner.target_state() == guide::TargetState::Found ||
        runner.target_state() == guide::TargetState::Searching) {
        if (ui::button(tr("Show me on the page"), {.style = ui::ButtonStyle::Secondary}))
            action.kind = ViewAction::Kind::ShowGuideOnPage;
    }
    if (runner.target_state() == guide::TargetState::Missing && step.branches.empty()) {
        if (ui::button(tr("Skip this step"), {.style = ui::ButtonStyle::Secondary}))
            action = step_action(guide::GuideEventKind::Skip);
    }
    if (runner.can_go_back()) {
        if (ui::button(tr("Previous step"), {.style = ui::ButtonStyle::Secondary}))
            action = step_action(guide::GuideEventKind::Back);
        ImGui::SameLine();
    }
    if (ui::button(tr("Exit guide"), {.style = ui::ButtonStyle::Quiet}))
        action = step_action(guide::GuideEventKind::Exit);
    ImGui::PopID();
    return action;
}

} // namespace support::widget
