#include "widget/views/report_problem_view.h"

#include "shared/ui/controls.h"
#include "shared/ui/ui_context.h"
#include "widget/views/masked_notice.h"
#include "widget/widget_words.h"

#include <imgui.h>

namespace support::widget {

namespace {

using feedback::ProblemReportError;

std::string error_message(ProblemReportError error) {
    switch (error) {
    case ProblemReportError::None:
        return "";
    case ProblemReportError::MissingDescription:
        return tr("Describe what went wrong, so our team can look into it.");
    case ProblemReportError::InvalidEmail:
        return tr("Enter an email address like name@example.com, or leave it empty.");
    }
    return "";
}

ViewAction draw_confirmation(const ProblemReportForm& form) {
    ViewAction action;
    ui::heading(tr("Thanks for telling us"), 2);
    ui::status_text("report-status", tr("Your report was sent to our team."));
    if (!form.sent_to.empty())
        ui::paragraph(tr("We will reply to {email}.", {{"email", form.sent_to}}));
    else
        ui::paragraph(tr("We look at every report, together with the page you were on."));
    if (form.masked)
        ui::paragraph(masked_secrets_notice());
    if (ui::button(tr("Back to help"), {.style = ui::ButtonStyle::Secondary}))
        action.kind = ViewAction::Kind::FinishProblemReport;
    return action;
}

} // namespace

ViewAction draw_report_problem_link() {
    ViewAction action;
    ImGui::Spacing();
    ImGui::Separator();
    if (ui::link(tr("Report a problem with this page")))
        action.kind = ViewAction::Kind::ReportProblem;
    return action;
}

ViewAction draw_report_problem_view(ProblemReportForm& form) {
    if (form.sent)
        return draw_confirmation(form);
    ViewAction action;
    ui::heading(tr("Report a problem"), 2);
    ui::paragraph(tr("Tell us what went wrong on this page. Our team sees which page you were on."));

    const bool bad_description = form.error == ProblemReportError::MissingDescription;
    const bool bad_email = form.error == ProblemReportError::InvalidEmail;
    if (form.focus_error && bad_description)
        ui::current_context().focus_next_control();
    // Editing the field at fault takes its error away; Send checks again.
    if (ui::text_field(tr("What went wrong?"), form.draft.description,
                       {.kind = ui::TextFieldKind::Multiline,
                        .placeholder = tr("For example: the size chart does not open"),
                        .max_chars = feedback::k_max_problem_chars,
                        .invalid = bad_description,
                        .show_label = true}) &&
        bad_description)
        form.error = ProblemReportError::None;
    if (form.focus_error && bad_email)
        ui::current_context().focus_next_control();
    if (ui::text_field(tr("Email for a reply (optional)"), form.draft.email,
                       {.kind = ui::TextFieldKind::Email,
                        .placeholder = "name@example.com",
                        .max_chars = feedback::k_max_problem_email_chars,
                        .invalid = bad_email,
                        .show_label = true}) &&
        bad_email)
        form.error = ProblemReportError::None;
    form.focus_error = false;
    ui::error_text("report-error", error_message(form.error));
    if (ui::button(tr("Send report")))
        action.kind = ViewAction::Kind::SendProblemReport;
    return action;
}

} // namespace support::widget
