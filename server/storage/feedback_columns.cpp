#include "server/storage/feedback_columns.h"

#include "shared/core/text/fold_for_search.h"
#include "shared/core/text/white_space.h"

#include <algorithm>

namespace support::server {

std::string_view feedback_status_name(FeedbackStatus status) {
    switch (status) {
    case FeedbackStatus::New:
        return "new";
    case FeedbackStatus::InProgress:
        return "in_progress";
    case FeedbackStatus::Resolved:
        return "resolved";
    }
    return "new";
}

std::optional<FeedbackStatus> parse_feedback_status(std::string_view name) {
    for (auto status : {FeedbackStatus::New, FeedbackStatus::InProgress, FeedbackStatus::Resolved}) {
        if (feedback_status_name(status) == name)
            return status;
    }
    return std::nullopt;
}

FeedbackColumns to_feedback_columns(const NewFeedback& feedback) {
    const protocol::FeedbackSubmission& submission = feedback.submission;
    FeedbackColumns columns;
    columns.site = feedback.site;
    columns.client_id = submission.client_id;
    columns.kind = std::string(protocol::feedback_kind_name(submission.kind));
    columns.subject = submission.subject;
    if (submission.helpful)
        columns.helpful = *submission.helpful ? 1 : 0;
    // A chat rated 4 or 5 helped, 1 to 3 did not: the console's Helpful filter reads it so.
    if (submission.score)
        columns.helpful = *submission.score >= 4 ? 1 : 0;
    columns.page_url = submission.context.page_url;
    columns.locale = submission.locale;
    columns.comment = submission.comment;
    if (submission.outcome)
        columns.guide_outcome = std::string(protocol::guide_outcome_name(*submission.outcome));
    columns.guide_step = submission.step;
    columns.guide_step_number = submission.step_number;
    columns.subject_key = fold_search_query(submission.subject);
    columns.search_text = feedback_search_text(submission.subject, submission.comment,
                                               submission.context.page_url, submission.email);
    columns.payload = protocol::encode_feedback_submission(submission);
    columns.client_time_ms = submission.client_time_ms;
    columns.received_at_ms = feedback.received_at_ms;
    columns.shopper_digest = feedback.shopper_digest;
    return columns;
}

std::string feedback_search_text(std::string_view subject, std::string_view comment,
                                 std::string_view page_url, std::string_view email) {
    std::string joined;
    joined.reserve(subject.size() + comment.size() + page_url.size() + email.size() + 3);
    for (std::string_view part : {subject, comment, page_url}) {
        joined += part;
        joined += '\n';
    }
    joined += email;
    return fold_text(joined);
}

std::string fold_text(std::string_view text) {
    return text::to_utf8(text::fold_for_search(text));
}

std::string fold_search_query(std::string_view text) {
    return fold_text(text::trim_white_space(text));
}

std::vector<std::string> split_tags(std::string_view joined) {
    std::vector<std::string> tags;
    std::size_t start = 0;
    while (start < joined.size()) {
        std::size_t end = joined.find(k_tag_separator, start);
        if (end == std::string_view::npos)
            end = joined.size();
        if (end > start)
            tags.emplace_back(joined.substr(start, end - start));
        start = end + 1;
    }
    std::sort(tags.begin(), tags.end());
    return tags;
}

Result<StoredFeedback> stored_feedback_from_row(std::int64_t id, std::string site, std::string_view payload,
                                                std::int64_t received_at_ms, std::string_view status,
                                                std::string_view joined_tags) {
    auto submission = protocol::decode_feedback_submission(payload);
    if (!submission)
        return make_error("storage.corrupt_row", "feedback " + std::to_string(id) +
                                                     " no longer decodes: " + submission.error().code);
    StoredFeedback stored;
    stored.id = id;
    stored.site = std::move(site);
    stored.submission = std::move(*submission);
    stored.received_at_ms = received_at_ms;
    stored.status = parse_feedback_status(status).value_or(FeedbackStatus::New);
    stored.tags = split_tags(joined_tags);
    return stored;
}

} // namespace support::server
