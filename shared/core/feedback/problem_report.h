#pragma once
// "Report a problem with this page": what the shopper wrote and, optionally, where a reply may go.
// The form's draft is checked before anything is queued — the first problem is named with a stable
// id the form turns into a sentence — and a checked draft becomes a problem_report submission
// (shared/core/protocol); the app adds the client id, time, locale and page.

#include "shared/core/protocol/feedback_submission.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace support::feedback {

// Characters the form's "What went wrong?" box takes: at most 4 bytes of UTF-8 each, so always
// within the wire's k_max_comment_bytes (4000).
inline constexpr std::size_t k_max_problem_chars = 1000;
// Characters the e-mail box takes; an address over protocol::k_max_email_bytes is refused by the check.
inline constexpr std::size_t k_max_problem_email_chars = 254;

struct ProblemReportDraft {
    std::string description;
    std::string email; // empty: no reply wanted
};

enum class ProblemReportError : std::uint8_t {
    None,
    MissingDescription, // nothing but spaces in "What went wrong?"
    InvalidEmail,       // an address that is not empty and not plausible (protocol::is_reply_email)
};

// "feedback.problem_report.missing_description", "feedback.problem_report.invalid_email"; "" for None.
std::string_view problem_report_error_id(ProblemReportError error);

// The draft's first problem, or None.
ProblemReportError check_problem_report(const ProblemReportDraft& draft);

// The submission for a draft that passed the check: description and address trimmed, the
// description clipped to the wire's limit on a character boundary (the form keeps it within).
protocol::FeedbackSubmission problem_report_submission(const ProblemReportDraft& draft);

} // namespace support::feedback
