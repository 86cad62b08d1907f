#pragma once
// The body of POST /api/v1/sites/{site}/feedback, the one definition the widget encodes and the
// server decodes. Every kind shares client_id (a UUID chosen by the widget: the same id twice is
// stored once), locale, client_time_ms and an optional context; the rest depends on the kind:
//
//   article_helpful  {article_id, helpful, comment?}     page            {topic, helpful, comment?}
//   guide            {guide_id, outcome, step, step_number?}   search_miss     {query}
//   problem_report   {comment, email?}                 chat_csat       {conversation_id, score, comment?}
//
//   {"client_id":"6f1c…","kind":"article_helpful","locale":"en","client_time_ms":1764825059123,
//    "article_id":"shipping-policy","helpful":false,"comment":"Nothing about Israel",
//    "context":{"page":{"url":"https://shop.example/cart"}}}
//
// Decoding ignores unknown fields and names the field at fault (a JSON pointer) in every error:
// api.feedback.{invalid_json, invalid_utf8, too_deep, not_an_object, missing_field, wrong_type,
// too_long, out_of_range, unknown_kind, invalid_client_id, invalid_locale, invalid_id,
// invalid_outcome, invalid_email, invalid_value}.

#include "shared/core/protocol/context_snapshot.h"
#include "shared/core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace support::protocol {

inline constexpr std::size_t k_max_comment_bytes = 4000;
inline constexpr std::size_t k_max_subject_bytes = 200;

enum class FeedbackKind { ArticleHelpful, Page, Guide, SearchMiss, ProblemReport, ChatCsat };

std::string_view feedback_kind_name(FeedbackKind kind); // "article_helpful", …
std::optional<FeedbackKind> parse_feedback_kind(std::string_view name);

enum class GuideOutcome { Completed, Abandoned };
std::string_view guide_outcome_name(GuideOutcome outcome);

struct FeedbackSubmission {
    std::string client_id; // lowercase UUID
    FeedbackKind kind = FeedbackKind::ArticleHelpful;
    std::string locale;
    std::int64_t client_time_ms = 0;
    // What the feedback is about: the article_id, topic, guide_id, search query or conversation_id of its
    // kind; empty for a problem report.
    std::string subject;
    std::optional<bool> helpful;             // article_helpful and page
    std::optional<GuideOutcome> outcome;     // guide
    std::string step;                        // guide: the step the shopper stopped at, or the last one
    std::optional<std::int64_t> step_number; // guide: that step's position on the shopper's way (1-based)
    std::optional<std::int64_t> score;       // chat_csat: how the shopper rated the help, 1–5
    std::string comment;                     // as the shopper wrote it; never rendered as HTML
    std::string email;                       // problem_report: where the shopper wants a reply, or ""
    ContextSnapshot context;
    // This browser's random key for the site (a lowercase UUID, "" when none was sent): what
    // SupportWidget('forget') later names to have the shopper's feedback and chats deleted.
    // support-server keeps only its digest, never in the payload.
    std::string shopper_key;
    bool operator==(const FeedbackSubmission&) const = default;
};

// The JSON field that carries `subject` for a kind: "article_id", "topic", "guide_id", "query";
// empty for problem_report.
std::string_view subject_field(FeedbackKind kind);

Result<FeedbackSubmission> decode_feedback_submission(std::string_view body);

// A plausible e-mail address for a reply: one '@' with text before it, a domain with a dot after
// it, no spaces or control characters, at most k_max_email_bytes.
bool is_reply_email(std::string_view text);

// Canonical JSON (keys sorted, fields of other kinds left out): decoding it gives the same value,
// and two submissions are the same exactly when their encodings are.
std::string encode_feedback_submission(const FeedbackSubmission& submission);

} // namespace support::protocol
