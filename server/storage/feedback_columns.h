#pragma once
// The one mapping between feedback and the columns of the feedback table, written once so that every
// store (SQLite now, PostgreSQL later) writes and reads the same thing.

#include "server/storage/feedback_record.h"
#include "shared/core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
    std::optional<std::string> guide_outcome; // guide: "completed" or "abandoned"
    std::string guide_step;
    std::optional<std::int64_t> guide_step_number;
    std::string subject_key; // fold_search_query(subject): one group for "Eilat" and "eilat "
    std::string search_text; // feedback_search_text()
    std::string payload;     // encode_feedback_submission()
    std::string shopper_digest;
    std::int64_t client_time_ms = 0;
    std::int64_t received_at_ms = 0;
};

FeedbackColumns to_feedback_columns(const NewFeedback& feedback);

// What the staff list's text filter looks in: the subject, comment, page address and reply address,
// one per line, folded as search folds (case, diacritics, niqqud, Arabic letter forms), so "Eilat"
// finds "EILAT" and "אילת" finds it with niqqud. The same function fills the column for old rows
// (schema migration 3 does the same in SQL with fold_text).
std::string feedback_search_text(std::string_view subject, std::string_view comment,
                                 std::string_view page_url, std::string_view email);
// text::fold_for_search() as UTF-8: what migration 3 calls as SQL function fold_for_search.
std::string fold_text(std::string_view text);
// A query for that column, folded the same way, without surrounding white space.
std::string fold_search_query(std::string_view text);

// Tags are split on '\x1f' in the list query's group_concat; tags never contain control characters.
inline constexpr char k_tag_separator = '\x1f';
std::vector<std::string> split_tags(std::string_view joined);

// A stored row back as feedback; storage.corrupt_row when its payload no longer decodes.
Result<StoredFeedback> stored_feedback_from_row(std::int64_t id, std::string site, std::string_view payload,
                                                std::int64_t received_at_ms, std::string_view status,
                                                std::string_view joined_tags);

} // namespace support::server
