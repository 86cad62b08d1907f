#include "shared/core/feedback/problem_report.h"

#include "shared/core/text/utf8.h"
#include "shared/core/text/white_space.h"

namespace support::feedback {

std::string_view problem_report_error_id(ProblemReportError error) {
    switch (error) {
    case ProblemReportError::None:
        return "";
    case ProblemReportError::MissingDescription:
        return "feedback.problem_report.missing_description";
    case ProblemReportError::InvalidEmail:
        return "feedback.problem_report.invalid_email";
    }
    return "";
}

ProblemReportError check_problem_report(const ProblemReportDraft& draft) {
    if (text::trim_white_space(draft.description).empty())
        return ProblemReportError::MissingDescription;
    const std::string_view email = text::trim_white_space(draft.email);
    if (!email.empty() && !protocol::is_reply_email(email))
        return ProblemReportError::InvalidEmail;
    return ProblemReportError::None;
}

protocol::FeedbackSubmission problem_report_submission(const ProblemReportDraft& draft) {
    protocol::FeedbackSubmission report;
    report.kind = protocol::FeedbackKind::ProblemReport;
    report.comment = std::string(
        text::truncate_utf8(text::trim_white_space(draft.description), protocol::k_max_comment_bytes));
    report.email = std::string(text::trim_white_space(draft.email));
    return report;
}

} // namespace support::feedback
