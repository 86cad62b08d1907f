#include "widget/widget_app.h"

#include "shared/ui/controls.h"
#include "shared/ui/theme.h"
#include "widget/views/home_view.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

namespace support::widget {

namespace {
constexpr int k_phone_viewport_max = 480; // CSS px: the panel is a full-width sheet at or below this
constexpr float k_close_button_width = 44.0f;
} // namespace

void WidgetApp::start() {
    m_title = web::config_string("title", "Help");
    const auto brand = ui::parse_hex_colour(web::config_string("brand", "#4f46e5"));
    ui::apply_theme(ui::make_theme(brand.value_or(ui::Rgb{79, 70, 229})));
}

void WidgetApp::on_open_changed(bool open) {
    // On a phone, focus goes to Close rather than the search field, so the keyboard does not cover
    // the panel the moment it opens.
    if (!open)
        m_focus_after_open = FocusAfterOpen::Nothing;
    else
        m_focus_after_open = web::viewport_width() <= k_phone_viewport_max ? FocusAfterOpen::CloseButton
                                                                           : FocusAfterOpen::SearchField;
}

void WidgetApp::claim_focus_if(FocusAfterOpen control) {
    if (m_focus_after_open != control)
        return;
    ui::current_context().focus_next_control();
    m_focus_after_open = FocusAfterOpen::Nothing;
}

void WidgetApp::draw_header() {
    if (ImGui::BeginTable("##header", 2)) {
        ImGui::TableSetupColumn("title", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("close", ImGuiTableColumnFlags_WidthFixed, k_close_button_width);
        ImGui::TableNextColumn();
        ui::heading(m_title, 1);
        ImGui::TableNextColumn();
        claim_focus_if(FocusAfterOpen::CloseButton);
        if (ui::button(
                "close",
                {.style = ui::ButtonStyle::Quiet, .icon = ui::ButtonIcon::Close, .accessible_name = "Close"}))
            web::request_close();
        ImGui::EndTable();
    }
}

void WidgetApp::draw() {
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        web::request_close();
    draw_header();
    claim_focus_if(FocusAfterOpen::SearchField);
    ui::text_field("Search help articles", m_search_query,
                   {.kind = ui::TextFieldKind::Search, .placeholder = "Search for help"});
    draw_home_view(m_search_query);
}

std::string WidgetApp::debug_state_json() const {
    return nlohmann::json{{"search", m_search_query}, {"title", m_title}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace support::widget
