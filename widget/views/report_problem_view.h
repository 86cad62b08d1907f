#pragma once
// "Report a problem with this page": what went wrong (required) and an e-mail address for a reply
// (optional, checked), then Send; once sent, a confirmation that says where a reply will go. The
// form's state is the app's (it survives Back and reopening the panel until it is sent); the view
// draws it and reports Send and "Back to help".

#include "shared/core/feedback/problem_report.h"
#include "widget/views/view_action.h"

namespace support::widget {

struct ProblemReportForm {
    feedback::ProblemReportDraft draft;
    // The problem found on the last Send, shown until the shopper edits that field or sends again.
    feedback::ProblemReportError error = feedback::ProblemReportError::None;
    bool focus_error = false; // move focus to the field at fault on the next frame
    bool sent = false;
    std::string sent_to; // the address a reply will go to, shown in the confirmation
    bool masked = false; // a card number, IBAN or password was taken out before sending: the shopper is told
};

ViewAction draw_report_problem_view(ProblemReportForm& form);

// The way in, below a view's own content: "Report a problem with this page".
ViewAction draw_report_problem_link();

} // namespace support::widget
