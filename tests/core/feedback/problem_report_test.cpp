#include "catch_amalgamated.hpp"

#include "shared/core/feedback/problem_report.h"
#include "shared/core/text/utf8.h"

using namespace support;
using feedback::ProblemReportError;

TEST_CASE("a report needs words in \"What went wrong?\"", "[feedback][problem_report]") {
    CHECK(feedback::check_problem_report({"", ""}) == ProblemReportError::MissingDescription);
    CHECK(feedback::check_problem_report({" \n\t ", "dana@example.com"}) ==
          ProblemReportError::MissingDescription);
    CHECK(feedback::check_problem_report({"The size chart is cut off", ""}) == ProblemReportError::None);
    CHECK(feedback::problem_report_error_id(ProblemReportError::MissingDescription) ==
          "feedback.problem_report.missing_description");
}

TEST_CASE("an e-mail address is optional, but one given must be plausible", "[feedback][problem_report]") {
    CHECK(feedback::check_problem_report({"Checkout fails", "dana@example.com"}) == ProblemReportError::None);
    CHECK(feedback::check_problem_report({"Checkout fails", "  dana@example.com  "}) ==
          ProblemReportError::None);
    CHECK(feedback::check_problem_report({"Checkout fails", "   "}) == ProblemReportError::None);
    for (const char* bad : {"dana", "dana@", "@example.com", "dana@example", "dana@@example.com",
                            "dana @example.com", "dana@example."}) {
        INFO(bad);
        CHECK(feedback::check_problem_report({"Checkout fails", bad}) == ProblemReportError::InvalidEmail);
    }
    CHECK(feedback::problem_report_error_id(ProblemReportError::InvalidEmail) ==
          "feedback.problem_report.invalid_email");
    // The description is checked first: the form names one problem at a time, top to bottom.
    CHECK(feedback::check_problem_report({"", "dana"}) == ProblemReportError::MissingDescription);
}

TEST_CASE("a checked draft becomes a problem_report the server accepts", "[feedback][problem_report]") {
    auto report = feedback::problem_report_submission(
        {"\n  הכפתור \"הוסף לסל\" לא עובד <b>  \n", " dana@example.com "});
    CHECK(report.kind == protocol::FeedbackKind::ProblemReport);
    CHECK(report.comment == "הכפתור \"הוסף לסל\" לא עובד <b>"); // as written, only the blank ends trimmed
    CHECK(report.email == "dana@example.com");

    report.client_id = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    report.locale = "he";
    report.client_time_ms = 1764825059123;
    auto decoded = protocol::decode_feedback_submission(protocol::encode_feedback_submission(report));
    REQUIRE(decoded);
    CHECK(*decoded == report);
}

TEST_CASE("a description over the wire's limit is clipped on a character boundary",
          "[feedback][problem_report]") {
    std::string long_text;
    while (long_text.size() < protocol::k_max_comment_bytes + 10)
        long_text += "שלום ";
    const auto report = feedback::problem_report_submission({long_text, ""});
    CHECK(report.comment.size() <= protocol::k_max_comment_bytes);
    CHECK(long_text.starts_with(report.comment));
    CHECK(report.comment.size() > protocol::k_max_comment_bytes - 4);
    CHECK(text::is_valid_utf8(report.comment));
}
