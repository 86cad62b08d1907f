#include "widget/views/contact_view.h"

#include "shared/ui/controls.h"
#include "shared/ui/rich_text.h"
#include "widget/help_content.h"
#include "widget/views/report_problem_view.h"
#include "widget/widget_words.h"

namespace support::widget {

namespace {

ViewAction draw_contact_details(const HelpContent& content) {
    ViewAction action;
    const auto contact = content.contact_article();
    if (!contact) {
        ui::paragraph(tr("This shop has not published its contact details in its help articles."));
        return action;
    }
    ui::paragraph(tr("Here is how to reach the team:"));
    ui::heading(content.article(*contact).title, 3);
    if (auto href = ui::rich_text("contact-body", content.body(*contact)))
        action = ViewAction{ViewAction::Kind::OpenLink, *contact, std::move(*href), {}};
    return action;
}

} // namespace

ViewAction draw_contact_view(const HelpContent& content) {
    ui::heading(tr("Contact us"), 2);
    ViewAction action = draw_contact_details(content);
    // Something wrong with the page itself reaches the team from here too, without leaving the panel.
    if (ViewAction report = draw_report_problem_link(); report.kind != ViewAction::Kind::None)
        action = report;
    return action;
}

} // namespace support::widget
