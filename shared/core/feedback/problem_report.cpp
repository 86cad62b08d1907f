#include "shared/core/feedback/problem_report.h"

#include "shared/core/text/utf8.h"

namespace support::feedback {

namespace {

// Spaces, tabs and line breaks at either end (what a shopper's pasted text often carries).
std::string_view trim_blank(std::string_view text) {
    constexpr std::string_view k_blank = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(k_blank);
    if (first == std::string_view::npos)
        return {};
    return text.substr(first, text.find_last_not_of(k_blank) - first + 1);
}

} // namespace

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
    if (trim_blank(draft.description).empty())
        return ProblemReportError::MissingDescription;
    const std::string_view email = trim_blank(draft.email);
    if (!email.empty() && !protocol::is_reply_email(email))
        return ProblemReportError::InvalidEmail;
    return ProblemReportError::None;
}

protocol::FeedbackSubmission problem_report_submission(const ProblemReportDraft& draft) {
    protocol::FeedbackSubmission report;
    report.kind = protocol::FeedbackKind::ProblemReport;
    report.comment =
        std::string(text::truncate_utf8(trim_blank(draft.description), protocol::k_max_comment_bytes));
    report.email = std::string(trim_blank(draft.email));
    return report;
}

} // namespace support::feedback
