#include "server/storage/feedback_columns.h"

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
    columns.page_url = submission.context.page_url;
    columns.locale = submission.locale;
    columns.comment = submission.comment;
    columns.payload = protocol::encode_feedback_submission(submission);
    columns.client_time_ms = submission.client_time_ms;
    columns.received_at_ms = feedback.received_at_ms;
    return columns;
}

Result<StoredFeedback> stored_feedback_from_row(std::int64_t id, std::string site, std::string_view payload,
                                                std::int64_t received_at_ms, std::string_view status) {
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
    return stored;
}

} // namespace support::server
