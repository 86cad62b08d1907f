#pragma once
// The one mapping between feedback and the columns of the feedback table, written once so that every
// store (SQLite now, PostgreSQL later) writes and reads the same thing.

#include "server/storage/feedback_record.h"
#include "shared/core/result.h"

#include <cstdint>
#include <optional>
#include <string>

namespace support::server {

struct FeedbackColumns {
    std::string site;
    std::string client_id;
    std::string kind;
    std::string subject;
    std::optional<std::int64_t> helpful; // 1 or 0
    std::string page_url;
    std::string locale;
    std::string comment;
    std::string payload; // encode_feedback_submission()
    std::int64_t client_time_ms = 0;
    std::int64_t received_at_ms = 0;
};

FeedbackColumns to_feedback_columns(const NewFeedback& feedback);

// A stored row back as feedback; storage.corrupt_row when its payload no longer decodes.
Result<StoredFeedback> stored_feedback_from_row(std::int64_t id, std::string site, std::string_view payload,
                                                std::int64_t received_at_ms, std::string_view status);

} // namespace support::server
