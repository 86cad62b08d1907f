#include "widget/views/article_view.h"

#include "shared/ui/controls.h"
#include "shared/ui/rich_text.h"
#include "widget/views/masked_notice.h"
#include "widget/widget_words.h"

#include <imgui.h>

namespace support::widget {

ViewAction draw_article_view(std::uint32_t index, const content::Article& article,
                             const content::MarkdownDocument& body, HelpfulAnswer answer,
                             HelpfulComment& comment) {
    ViewAction action;
    ImGui::PushID(article.id.c_str());
    ui::heading(article.title, 2);
    if (auto href = ui::rich_text("body", body))
        action = ViewAction{ViewAction::Kind::OpenLink, index, std::move(*href), {}};

    ImGui::Separator();
    ui::paragraph(tr("Was this helpful?"));
    if (ui::button(tr("Yes"), {.style = ui::ButtonStyle::Secondary, .pressed = answer == HelpfulAnswer::Yes}))
        action = ViewAction{ViewAction::Kind::AnswerHelpful, index, {}, HelpfulAnswer::Yes};
    ImGui::SameLine();
    if (ui::button(tr("No"), {.style = ui::ButtonStyle::Secondary, .pressed = answer == HelpfulAnswer::No}))
        action = ViewAction{ViewAction::Kind::AnswerHelpful, index, {}, HelpfulAnswer::No};
    if (answer != HelpfulAnswer::None)
        ui::status_text("helpful-status", tr("Thanks for your feedback."));
    else
        ui::status_text("helpful-status", "");
    if (answer == HelpfulAnswer::No) {
        if (comment.sent) {
            ui::paragraph(tr("Thanks, your comment was sent to our team."));
            if (comment.masked)
                ui::paragraph(masked_secrets_notice());
        } else {
            ui::text_field(tr("What were you looking for? (optional)"), comment.text,
                           {.placeholder = tr("Tell us what was missing")});
            if (ui::button(tr("Send"), {.style = ui::ButtonStyle::Secondary}))
                action = ViewAction{ViewAction::Kind::SendHelpfulComment, index, {}, HelpfulAnswer::No};
        }
        ui::paragraph(tr("Sorry this did not answer your question. Our team can help."));
        if (ui::button(tr("Chat with us")))
            action.kind = ViewAction::Kind::OfferChat;
    }
    ImGui::PopID();
    return action;
}

} // namespace support::widget
