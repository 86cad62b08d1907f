#include "widget/views/contact_view.h"

#include "shared/ui/controls.h"
#include "shared/ui/rich_text.h"
#include "widget/help_content.h"

namespace support::widget {

ViewAction draw_contact_view(const HelpContent& content) {
    ViewAction action;
    ui::heading("Contact us", 2);
    ui::paragraph("Live chat is not available in this help window yet.");
    const auto contact = content.contact_article();
    if (!contact) {
        ui::paragraph("This shop has not published its contact details in its help articles.");
        return action;
    }
    ui::paragraph("Here is how to reach the team:");
    ui::heading(content.article(*contact).title, 3);
    if (auto href = ui::rich_text("contact-body", content.body(*contact)))
        action = ViewAction{ViewAction::Kind::OpenLink, *contact, std::move(*href), {}};
    return action;
}

} // namespace support::widget
