#include "widget/widget_app.h"

#include "shared/ui/controls.h"
#include "shared/ui/theme.h"
#include "shared/web/page_facts.h"
#include "widget/views/article_view.h"
#include "widget/views/contact_view.h"
#include "widget/views/home_view.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <cstdio>

namespace support::widget {

namespace {
constexpr int k_phone_viewport_max = 480; // CSS px: the panel is a full-width sheet at or below this
constexpr float k_close_button_width = 44.0f;
} // namespace

void WidgetApp::start() {
    m_title = web::config_string("title", "Help");
    const auto brand = ui::parse_hex_colour(web::config_string("brand", "#4f46e5"));
    ui::apply_theme(ui::make_theme(brand.value_or(ui::Rgb{79, 70, 229})));
    m_answers.load();
    m_unanswered.load();
    read_page();
    m_content.load(web::config_string("server", ""), web::config_string("site", ""),
                   web::config_string("locale", "en"));
}

void WidgetApp::on_open_changed(bool open) {
    // On a phone, focus goes to Close rather than the search field, so the keyboard does not cover
    // the panel the moment it opens.
    if (!open) {
        m_focus_after_open = FocusAfterOpen::Nothing;
        m_unanswered.leave(web::now_ms());
        return;
    }
    m_focus_after_open = web::viewport_width() <= k_phone_viewport_max ? FocusAfterOpen::CloseButton
                                                                       : FocusAfterOpen::SearchField;
    read_page();
}

void WidgetApp::read_page() {
    web::PageFacts facts = web::read_page_facts();
    search::PageContext page{std::move(facts.path), std::move(facts.product_sku),
                             std::move(facts.categories)};
    if (page.path == m_page.path && page.product_sku == m_page.product_sku &&
        page.categories == m_page.categories)
        return;
    m_page = std::move(page);
    m_search.suggest(m_content, m_page);
    m_search.run(m_content, m_search_query, m_page);
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

void WidgetApp::content_became_ready() {
    m_search.suggest(m_content, m_page);
    m_search.run(m_content, m_search_query, m_page);
    m_unanswered.query_changed(m_search_query, m_search.results().size(), web::now_ms());
}

void WidgetApp::query_changed() {
    m_search.run(m_content, m_search_query, m_page);
    if (m_content.state() == ContentState::Ready)
        m_unanswered.query_changed(m_search_query, m_search.results().size(), web::now_ms());
    // A new search shows its results, wherever the shopper was.
    m_views.to_home();
}

void WidgetApp::navigate(ViewEntry entry) {
    m_views.push(entry);
    m_focus_view = true;
}

void WidgetApp::apply(const ViewAction& action) {
    using Kind = ViewAction::Kind;
    switch (action.kind) {
    case Kind::None:
        return;
    case Kind::OpenArticle:
        navigate({ViewKind::Article, action.article});
        return;
    case Kind::OfferChat:
        m_unanswered.leave(web::now_ms());
        navigate({ViewKind::Contact, 0});
        return;
    case Kind::OpenLink:
        web::open_link(action.href);
        return;
    case Kind::AnswerHelpful:
        if (auto stored = m_answers.record(m_content.article(action.article).id, action.answer,
                                           m_content.locale(), web::now_ms());
            !stored)
            std::fprintf(stderr, "support widget: answer not kept after this visit: %s\n",
                         stored.error().code.c_str());
        return;
    case Kind::RetryContent:
        m_content.retry();
        return;
    }
}

void WidgetApp::draw_back_button() {
    if (!m_views.can_go_back())
        return;
    // A view opened above Home: focus goes to Back, the first control after the search field.
    if (m_focus_view) {
        ui::current_context().focus_next_control();
        m_focus_view = false;
    }
    if (ui::button("Back", {.style = ui::ButtonStyle::Quiet, .icon = ui::ButtonIcon::Back})) {
        m_views.pop();
        m_focus_view = true;
    }
}

void WidgetApp::draw_view() {
    // Back at Home: focus goes to its first control (the first result). A view above Home gets it
    // on Back, next frame.
    if (m_focus_view && !m_views.can_go_back()) {
        ui::current_context().focus_next_control();
        m_focus_view = false;
    }

    const ViewEntry view = m_views.top();
    ViewAction action;
    switch (view.kind) {
    case ViewKind::Home:
        action = draw_home_view(m_content, m_search, m_search_query);
        break;
    case ViewKind::Article:
        action =
            draw_article_view(view.article, m_content.article(view.article), m_content.body(view.article),
                              m_answers.answer_for(m_content.article(view.article).id));
        break;
    case ViewKind::Contact:
        action = draw_contact_view(m_content);
        break;
    }
    apply(action);
}

void WidgetApp::draw() {
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        web::request_close();
    if (m_content.state() != m_seen_content_state) {
        m_seen_content_state = m_content.state();
        if (m_seen_content_state == ContentState::Ready)
            content_became_ready();
    }
    m_unanswered.poll(web::now_ms());

    draw_header();
    claim_focus_if(FocusAfterOpen::SearchField);
    if (ui::text_field("Search help articles", m_search_query,
                       {.kind = ui::TextFieldKind::Search, .placeholder = "Search for help"}))
        query_changed();

    draw_back_button();

    // The view scrolls under the header, the search field and Back, which stay in place.
    ImGui::BeginChild("##view", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_None);
    draw_view();
    ImGui::EndChild();
}

std::string WidgetApp::debug_state_json() const {
    nlohmann::json results = nlohmann::json::array();
    for (const ShownResult& result : m_search.results())
        results.push_back(m_content.article(result.article).id);
    nlohmann::json suggestions = nlohmann::json::array();
    for (const std::uint32_t index : m_search.suggestions())
        suggestions.push_back(m_content.article(index).id);
    const char* content = m_content.state() == ContentState::Ready    ? "ready"
                          : m_content.state() == ContentState::Failed ? "failed"
                                                                      : "loading";
    nlohmann::json state = {
        {"search", m_search_query},
        {"title", m_title},
        {"view", view_name(m_views.top().kind)},
        {"content", content},
        {"locale", m_content.locale()},
        {"articles", m_content.size()},
        {"results", std::move(results)},
        {"suggestions", std::move(suggestions)},
        {"page", m_page.path},
        {"product", {{"sku", m_page.product_sku}, {"categories", m_page.categories}}},
        {"unansweredSearches", m_unanswered.queries().entries().size()},
    };
    if (m_views.top().kind == ViewKind::Article)
        state["article"] = m_content.article(m_views.top().article).id;
    return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace support::widget
