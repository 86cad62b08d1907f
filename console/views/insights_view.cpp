#define IMGUI_DEFINE_MATH_OPERATORS // before any header includes imgui.h
#include "console/views/insights_view.h"

#include "console/model/feedback_item.h"
#include "shared/ui/controls.h"
#include "shared/ui/plain_text.h"

#include <imgui.h>

#include <algorithm>
#include <array>

namespace support::console {

namespace {

constexpr float k_bar_height = 10.0f;

std::string percent(std::int64_t part, std::int64_t whole) {
    return whole > 0 ? std::to_string((part * 100 + whole / 2) / whole) + "%" : "0%";
}

// A horizontal bar under a list item: `segments` side by side, scaled so that `max` fills the width.
void bar(std::initializer_list<std::pair<std::int64_t, ImGuiCol>> segments, std::int64_t max) {
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, k_bar_height + 6.0f));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(pos, pos + ImVec2(width, k_bar_height), ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
    float x = pos.x;
    for (const auto& [value, colour] : segments) {
        const float w = max > 0 ? width * static_cast<float>(value) / static_cast<float>(max) : 0.0f;
        if (w > 0)
            draw->AddRectFilled(ImVec2(x, pos.y), ImVec2(x + w, pos.y + k_bar_height),
                                ImGui::GetColorU32(colour));
        x += w;
    }
}

void draw_days_chart(const InsightsFigures& figures, InsightsViewState& state) {
    ui::heading("Feedback per day", 2);
    if (figures.days.empty()) {
        ui::paragraph("No feedback in this range.");
        return;
    }
    const auto busiest = std::max_element(figures.days.begin(), figures.days.end(),
                                          [](const auto& a, const auto& b) { return a.total < b.total; });
    std::int64_t negative = 0;
    for (const auto& day : figures.days)
        negative += day.negative;
    ui::paragraph("Busiest day: " + calendar::format_utc_minute(busiest->start_ms).substr(0, 10) + " with " +
                  std::to_string(busiest->total) + " items. " + std::to_string(negative) + " of " +
                  std::to_string(figures.total) + " were negative (" + percent(negative, figures.total) +
                  ").");
    // One column per day from the first to the last, days without feedback left empty.
    const std::int64_t first = figures.days.front().start_ms;
    const std::int64_t last = figures.days.back().start_ms;
    const auto count = static_cast<std::size_t>((last - first) / 86'400'000 + 1);
    const float height = 140.0f;
    const float width = ImGui::GetContentRegionAvail().x;
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(width, height + 22.0f));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const float slot = width / static_cast<float>(std::max<std::size_t>(count, 1));
    const float column = std::max(1.0f, slot * 0.7f);
    for (const auto& day : figures.days) {
        const float x = pos.x + slot * static_cast<float>((day.start_ms - first) / 86'400'000);
        const float total_h = height * static_cast<float>(day.total) / static_cast<float>(busiest->total);
        const float negative_h =
            height * static_cast<float>(day.negative) / static_cast<float>(busiest->total);
        draw->AddRectFilled(ImVec2(x, pos.y + height - total_h), ImVec2(x + column, pos.y + height),
                            ImGui::GetColorU32(ImGuiCol_Button));
        draw->AddRectFilled(ImVec2(x, pos.y + height - negative_h), ImVec2(x + column, pos.y + height),
                            ImGui::GetColorU32(ImGuiCol_PlotLines));
    }
    draw->AddLine(ImVec2(pos.x, pos.y + height + 0.5f), ImVec2(pos.x + width, pos.y + height + 0.5f),
                  ImGui::GetColorU32(ImGuiCol_Border));
    const std::string from = calendar::format_utc_minute(first).substr(0, 10);
    const std::string to = calendar::format_utc_minute(last).substr(0, 10);
    const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    ui::draw_plain_text(draw, ImVec2(pos.x, pos.y + height + 4.0f), muted, from);
    ui::draw_plain_text(draw, ImVec2(pos.x + width - ui::plain_text_size(to).x, pos.y + height + 4.0f), muted,
                        to);
    if (ui::button(state.show_each_day ? "Hide each day's figures" : "Show each day's figures",
                   {.style = ui::ButtonStyle::Quiet, .pressed = state.show_each_day}))
        state.show_each_day = !state.show_each_day;
    if (state.show_each_day) {
        ui::begin_list("Feedback per day");
        for (const auto& day : figures.days)
            ui::list_item(calendar::format_utc_minute(day.start_ms).substr(0, 10) + ": " +
                          std::to_string(day.total) + " items, " + std::to_string(day.negative) +
                          " negative");
        ui::end_list();
    }
}

void draw_articles(const InsightsFigures& figures) {
    ui::heading("Helpfulness per article", 2);
    if (figures.articles.empty()) {
        ui::paragraph("No article was rated in this range.");
        return;
    }
    std::int64_t max = 0;
    for (const auto& a : figures.articles)
        max = std::max(max, a.helpful + a.not_helpful);
    ui::begin_list("Helpfulness per article");
    for (const auto& a : figures.articles) {
        ui::list_item(a.id + ": " + std::to_string(a.helpful) + " helpful, " + std::to_string(a.not_helpful) +
                      " not helpful (" + percent(a.helpful, a.helpful + a.not_helpful) + " helpful)");
        bar({{a.helpful, ImGuiCol_Button}, {a.not_helpful, ImGuiCol_PlotLines}}, max);
    }
    ui::end_list();
}

void draw_pages(const InsightsFigures& figures) {
    ui::heading("Pages with the most negative feedback", 2);
    if (figures.pages.empty()) {
        ui::paragraph("No negative feedback on any page in this range.");
        return;
    }
    const std::int64_t max = figures.pages.front().negative;
    ui::begin_list("Pages with the most negative feedback");
    for (const auto& p : figures.pages) {
        ui::list_item(p.url + ": " + std::to_string(p.negative) + " negative of " + std::to_string(p.total));
        bar({{p.negative, ImGuiCol_PlotLines}}, max);
    }
    ui::end_list();
}

void draw_searches(const InsightsFigures& figures) {
    ui::heading("Searches without a result", 2);
    ui::paragraph("What shoppers looked for and did not find: the articles to write next.");
    if (figures.searches.empty()) {
        ui::paragraph("Every search found something in this range.");
        return;
    }
    const std::int64_t max = figures.searches.front().count;
    ui::begin_list("Searches without a result");
    for (const auto& s : figures.searches) {
        ui::list_item("“" + s.query + "”: " + std::to_string(s.count) +
                      (s.count == 1 ? " search" : " searches"));
        bar({{s.count, ImGuiCol_Button}}, max);
    }
    ui::end_list();
}

void draw_guides(const InsightsFigures& figures) {
    ui::heading("Where shoppers leave guides", 2);
    if (figures.guides.empty()) {
        ui::paragraph("No guide was followed in this range.");
        return;
    }
    for (const auto& g : figures.guides) {
        ui::heading(g.id + ": " + std::to_string(g.completed) + " completed, " + std::to_string(g.abandoned) +
                        " left (" + percent(g.completed, g.completed + g.abandoned) + " finish)",
                    3);
        if (g.steps.empty())
            continue;
        std::int64_t max = 0;
        for (const auto& s : g.steps)
            max = std::max(max, s.abandoned);
        ui::begin_list((g.id + " steps").c_str());
        for (const auto& s : g.steps) {
            ui::list_item("Step " + std::to_string(s.number) + (s.id.empty() ? "" : " (" + s.id + ")") +
                          ": " + std::to_string(s.abandoned) + " left here");
            bar({{s.abandoned, ImGuiCol_PlotLines}}, max);
        }
        ui::end_list();
    }
}

} // namespace

void draw_insights_view(InsightsViewState& state, Insights& insights, std::int64_t now_ms) {
    struct Range {
        const char* label;
        int days;
    };
    static constexpr std::array<Range, 3> k_ranges = {
        {{"Last 7 days", 7}, {"Last 30 days", 30}, {"Everything", 0}}};
    if (insights.days() < 0)
        insights.load(30, now_ms);
    ImGui::PushID("range");
    for (const auto& range : k_ranges) {
        if (ui::button(range.label,
                       {.style = ui::ButtonStyle::Secondary, .pressed = insights.days() == range.days}) &&
            insights.days() != range.days)
            insights.load(range.days, now_ms);
        ImGui::SameLine();
    }
    ImGui::NewLine();
    ImGui::PopID();
    const auto& figures = insights.figures();
    std::string status = insights.error();
    if (status.empty())
        status = insights.loading() || !figures ? "Loading Insights"
                                                : std::to_string(figures->total) + " items in this range";
    ui::status_text("insights-status", status);
    if (!figures)
        return;
    draw_days_chart(*figures, state);
    draw_articles(*figures);
    draw_pages(*figures);
    draw_searches(*figures);
    draw_guides(*figures);
}

} // namespace support::console
