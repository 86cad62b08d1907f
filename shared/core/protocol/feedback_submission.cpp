#include "shared/core/protocol/feedback_submission.h"

#include "shared/core/content/locale_tag.h"
#include "shared/core/protocol/shopper_key.h"
#include "shared/core/protocol/uuid.h"

#include <array>
#include <utility>

namespace support::protocol {

using nlohmann::json;

namespace {

constexpr std::array<std::pair<FeedbackKind, std::string_view>, 6> k_kind_names = {{
    {FeedbackKind::ArticleHelpful, "article_helpful"},
    {FeedbackKind::Page, "page"},
    {FeedbackKind::Guide, "guide"},
    {FeedbackKind::SearchMiss, "search_miss"},
    {FeedbackKind::ProblemReport, "problem_report"},
    {FeedbackKind::ChatCsat, "chat_csat"},
}};

// 2100-01-01: times beyond it are a broken clock, not a shopper in the future.
constexpr std::int64_t k_max_client_time_ms = 4'102'444'800'000;

bool is_subject_id_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == ':';
}

bool is_subject_id(std::string_view id) {
    if (id.empty())
        return false;
    for (char c : id) {
        if (!is_subject_id_char(c))
            return false;
    }
    return true;
}

Result<std::string> read_subject(const WireObject& body, FeedbackKind kind) {
    const std::string_view field = subject_field(kind);
    if (field.empty())
        return std::string();
    SW_TRY(std::string subject, body.string(field, Presence::Required, k_max_subject_bytes));
    // A topic is the site's own words ("delivery times") and a query the shopper's; the others are ids.
    const bool is_text = kind == FeedbackKind::Page || kind == FeedbackKind::SearchMiss;
    if (!is_text && !is_subject_id(subject))
        return body.error("invalid_id",
                          "\"" + std::string(field) + "\" may hold only letters, digits and - _ . :", field);
    return subject;
}

Result<void> read_kind_fields(const WireObject& body, FeedbackSubmission& out) {
    switch (out.kind) {
    case FeedbackKind::ArticleHelpful:
    case FeedbackKind::Page: {
        SW_TRY(out.helpful, body.boolean("helpful", Presence::Required));
        SW_TRY(out.comment, body.string("comment", Presence::Optional, k_max_comment_bytes));
        break;
    }
    case FeedbackKind::Guide: {
        SW_TRY(std::string outcome, body.string("outcome", Presence::Required, 32));
        if (outcome == "completed")
            out.outcome = GuideOutcome::Completed;
        else if (outcome == "abandoned")
            out.outcome = GuideOutcome::Abandoned;
        else
            return body.error("invalid_outcome", "\"outcome\" must be completed or abandoned", "outcome");
        SW_TRY(out.step, body.string("step", Presence::Required, k_max_subject_bytes));
        if (!is_subject_id(out.step))
            return body.error("invalid_id", "\"step\" may hold only letters, digits and - _ . :", "step");
        SW_TRY(out.step_number, body.integer("step_number", Presence::Optional, 1, 1000));
        SW_TRY(out.comment, body.string("comment", Presence::Optional, k_max_comment_bytes));
        break;
    }
    case FeedbackKind::SearchMiss:
        break;
    case FeedbackKind::ChatCsat: {
        SW_TRY(out.score, body.integer("score", Presence::Required, 1, 5));
        SW_TRY(out.comment, body.string("comment", Presence::Optional, k_max_comment_bytes));
        break;
    }
    case FeedbackKind::ProblemReport: {
        SW_TRY(out.comment, body.string("comment", Presence::Required, k_max_comment_bytes));
        SW_TRY(out.email, body.string("email", Presence::Optional, k_max_email_bytes));
        if (!out.email.empty() && !is_reply_email(out.email))
            return body.error("invalid_email", "\"email\" must be an address such as name@example.com",
                              "email");
        break;
    }
    }
    return ok();
}

} // namespace

std::string_view feedback_kind_name(FeedbackKind kind) {
    for (const auto& [k, name] : k_kind_names) {
        if (k == kind)
            return name;
    }
    return "";
}

std::optional<FeedbackKind> parse_feedback_kind(std::string_view name) {
    for (const auto& [kind, kind_name] : k_kind_names) {
        if (kind_name == name)
            return kind;
    }
    return std::nullopt;
}

std::string_view guide_outcome_name(GuideOutcome outcome) {
    return outcome == GuideOutcome::Completed ? "completed" : "abandoned";
}

std::string_view subject_field(FeedbackKind kind) {
    switch (kind) {
    case FeedbackKind::ArticleHelpful:
        return "article_id";
    case FeedbackKind::Page:
        return "topic";
    case FeedbackKind::Guide:
        return "guide_id";
    case FeedbackKind::SearchMiss:
        return "query";
    case FeedbackKind::ProblemReport:
        return "";
    case FeedbackKind::ChatCsat:
        return "conversation_id";
    }
    return "";
}

Result<FeedbackSubmission> decode_feedback_submission(std::string_view text) {
    SW_TRY(json document, parse_wire_object(text, "api.feedback"));
    const WireObject body(document, "", "api.feedback");
    FeedbackSubmission out;

    SW_TRY(std::string client_id, body.string("client_id", Presence::Required, 64));
    std::optional<std::string> canonical_id = canonical_uuid(client_id);
    if (!canonical_id)
        return body.error("invalid_client_id", "\"client_id\" must be a UUID such as 6f1c2a3b-…",
                          "client_id");
    out.client_id = std::move(*canonical_id);
    SW_TRY(out.shopper_key, decode_shopper_key(body));

    SW_TRY(std::string kind, body.string("kind", Presence::Required, 32));
    const auto parsed_kind = parse_feedback_kind(kind);
    if (!parsed_kind)
        return body.error(
            "unknown_kind",
            "\"kind\" must be article_helpful, page, guide, search_miss, problem_report or chat_csat",
            "kind");
    out.kind = *parsed_kind;

    SW_TRY(out.locale, body.string("locale", Presence::Required, content::k_max_locale_tag_bytes + 1));
    if (!content::is_locale_tag(out.locale))
        return body.error("invalid_locale", "\"locale\" must be a language tag such as en or pt-BR",
                          "locale");

    SW_TRY(auto client_time, body.integer("client_time_ms", Presence::Required, 0, k_max_client_time_ms));
    out.client_time_ms = *client_time;

    SW_TRY(out.subject, read_subject(body, out.kind));
    SW_TRY_VOID(read_kind_fields(body, out));

    SW_TRY(auto context, body.object("context", Presence::Optional));
    if (context) {
        SW_TRY(out.context, decode_context_snapshot(*context));
    }
    return out;
}

bool is_reply_email(std::string_view text) {
    if (text.size() > k_max_email_bytes)
        return false;
    const auto at = text.find('@');
    if (at == 0 || at == std::string_view::npos || text.find('@', at + 1) != std::string_view::npos)
        return false;
    const std::string_view domain = text.substr(at + 1);
    const auto dot = domain.find('.');
    if (dot == 0 || dot == std::string_view::npos || domain.back() == '.')
        return false;
    for (const char c : text) {
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f)
            return false;
    }
    return true;
}

std::string encode_feedback_submission(const FeedbackSubmission& submission) {
    json out = json::object();
    out["client_id"] = submission.client_id;
    if (!submission.shopper_key.empty())
        out["shopper_key"] = submission.shopper_key;
    out["kind"] = feedback_kind_name(submission.kind);
    out["locale"] = submission.locale;
    out["client_time_ms"] = submission.client_time_ms;
    if (const auto field = subject_field(submission.kind); !field.empty())
        out[std::string(field)] = submission.subject;
    if (submission.helpful)
        out["helpful"] = *submission.helpful;
    if (submission.outcome) {
        out["outcome"] = guide_outcome_name(*submission.outcome);
        out["step"] = submission.step;
        if (submission.step_number)
            out["step_number"] = *submission.step_number;
    }
    if (submission.score)
        out["score"] = *submission.score;
    if (!submission.comment.empty())
        out["comment"] = submission.comment;
    if (!submission.email.empty())
        out["email"] = submission.email;
    json context = encode_context_snapshot(submission.context);
    if (!context.empty())
        out["context"] = std::move(context);
    return out.dump();
}

} // namespace support::protocol
