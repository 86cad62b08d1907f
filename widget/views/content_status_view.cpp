#include "widget/views/content_status_view.h"

#include "shared/ui/controls.h"
#include "widget/help_content.h"
#include "widget/widget_words.h"

namespace support::widget {

ViewAction draw_content_status_view(const HelpContent& content) {
    ViewAction action;
    if (content.state() != ContentState::Failed) {
        ui::status_text("content-status", tr("Loading help articles\xE2\x80\xA6"));
        return action;
    }
    ui::status_text("content-status", tr("Help articles could not be loaded."));
    ui::paragraph(tr("Check your connection and try again."));
    if (ui::button(tr("Retry")))
        action.kind = ViewAction::Kind::RetryContent;
    return action;
}

} // namespace support::widget
