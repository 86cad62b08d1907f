#include "widget/views/home_view.h"

#include "shared/core/text/white_space.h"
#include "shared/ui/controls.h"
#include "shared/ui/highlighted_text.h"
#include "widget/help_content.h"
#include "widget/help_search.h"
#include "widget/views/content_status_view.h"
#include "widget/views/report_problem_view.h"
#include "widget/widget_words.h"

#include <imgui.h>

#include <string>

namespace support::widget {

namespace {

std::string found_message(std::size_t count) {
    return tr_count("{count} articles found", count);
}

ViewAction draw_suggestions(const HelpContent& content, const HelpSearch& search) {
    ViewAction action;
    const std::string title =
        search.suggestions_fit_page() ? tr("Suggested for this page") : tr("Help articles");
    ui::heading(title, 2);
    ui::begin_list(title.c_str());
    for (const std::uint32_t index : search.suggestions()) {
        const content::Article& article = content.article(index);
        if (ui::search_result(article.id.c_str(), {article.title, {}, {}, {}}))
            action = ViewAction{ViewAction::Kind::OpenArticle, index, {}, {}};
    }
    ui::end_list();
    return action;
}

// Guides as a list of links that start them, with their summaries.
ViewAction draw_guide_list(const HelpContent& content, const std::vector<std::uint32_t>& guides,
                           const std::string& heading) {
    ViewAction action;
    if (guides.empty())
        return action;
    ui::heading(heading, 2);
    ui::begin_list(tr("Step-by-step guides"));
    for (const std::uint32_t index : guides) {
        const guide::Guide& guide = content.guides()[index];
        ImGui::PushID("guide");
        if (ui::search_result(guide.id.c_str(), {guide.title, {}, guide.summary, {}})) {
            action.kind = ViewAction::Kind::OpenGuide;
            action.guide = index;
        }
        ImGui::PopID();
    }
    ui::end_list();
    return action;
}

// The site's guides before typing, those for this page first.
ViewAction draw_guides(const HelpContent& content, const HelpSearch& search) {
    return draw_guide_list(content, search.guides(),
                           search.guides_for_page() > 0 ? tr("Step-by-step help for this page")
                                                        : tr("Step-by-step guides"));
}

ViewAction draw_results(const HelpContent& content, const HelpSearch& search, std::string_view query) {
    // A guide the query names comes first: showing how beats telling.
    ViewAction action = draw_guide_list(content, search.guide_results(), tr("Step-by-step guides"));
    const auto& results = search.results();
    if (results.empty()) {
        ui::status_text("search-status", tr("No articles found"));
        ui::paragraph(tr("No articles match \xE2\x80\x9C{query}\xE2\x80\x9D.", {{"query", query}}));
        ui::paragraph(tr("Our team can help with questions the articles do not answer."));
        if (ui::button(tr("Chat with us")))
            action.kind = ViewAction::Kind::OfferChat;
        return action;
    }
    ui::status_text("search-status", found_message(results.size()));
    ui::begin_list(tr("Search results"));
    for (const ShownResult& result : results) {
        const content::Article& article = content.article(result.article);
        if (ui::search_result(article.id.c_str(), {article.title, result.title_highlights, result.snippet,
                                                   result.snippet_highlights}))
            action = ViewAction{ViewAction::Kind::OpenArticle, result.article, {}, {}};
    }
    ui::end_list();
    return action;
}

ViewAction draw_help(const HelpContent& content, const HelpSearch& search, std::string_view query) {
    if (content.state() != ContentState::Ready)
        return draw_content_status_view(content);
    if (text::is_blank(query)) {
        ui::status_text("search-status", "");
        // Guides made for this page come first: they are what the shopper most likely opened help for.
        const bool guides_first = search.guides_for_page() > 0;
        ViewAction first = guides_first ? draw_guides(content, search) : draw_suggestions(content, search);
        ViewAction second = guides_first ? draw_suggestions(content, search) : draw_guides(content, search);
        return first.kind != ViewAction::Kind::None ? first : second;
    }
    return draw_results(content, search, query);
}

} // namespace

ViewAction draw_home_view(const HelpContent& content, const HelpSearch& search, std::string_view query) {
    ViewAction action = draw_help(content, search, query);
    // Chat is always a step away (a search that found nothing offers it with a button already).
    const bool offered =
        !text::is_blank(query) && search.results().empty() && content.state() == ContentState::Ready;
    if (!offered) {
        ImGui::Spacing();
        if (ui::link(tr("Chat with us")))
            action.kind = ViewAction::Kind::OfferChat;
    }
    // Below the help, whatever it shows (even when the articles could not load).
    if (ViewAction report = draw_report_problem_link(); report.kind != ViewAction::Kind::None)
        action = report;
    return action;
}

} // namespace support::widget
