#pragma once
// Feedback as storage keeps it: the submission as the widget sent it, which site it came to, when
// the server received it and where support staff have taken it since.

#include "shared/core/protocol/feedback_submission.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

enum class FeedbackStatus { New, InProgress, Resolved };
std::string_view feedback_status_name(FeedbackStatus status); // "new", "in_progress", "resolved"
std::optional<FeedbackStatus> parse_feedback_status(std::string_view name);

struct NewFeedback {
    std::string site;
    protocol::FeedbackSubmission submission; // its shopper_key cleared: only the digest is kept
    std::int64_t received_at_ms = 0;
    std::string shopper_digest; // token_digest of the browser's shopper key, "" without one
};

enum class InsertOutcome {
    Stored,    // a new row
    Duplicate, // the same client id with the same content was stored before: nothing written
    Conflict,  // the client id was stored before with other content: nothing written
};

struct FeedbackInsertResult {
    InsertOutcome outcome = InsertOutcome::Stored;
    // Of the row now holding the client id (the original one for a duplicate or conflict).
    std::int64_t feedback_id = 0;
    std::int64_t received_at_ms = 0;
};

struct StoredFeedback {
    std::int64_t id = 0;
    std::string site;
    protocol::FeedbackSubmission submission;
    std::int64_t received_at_ms = 0;
    FeedbackStatus status = FeedbackStatus::New;
    std::vector<std::string> tags; // sorted
};

enum class FeedbackOrder : std::uint8_t { NewestFirst, OldestFirst };

// Which feedback a list asks for. Empty fields do not filter.
struct FeedbackQuery {
    std::string site; // empty: every site
    std::optional<protocol::FeedbackKind> kind;
    std::string subject; // article id, topic, guide id or search query
    std::string page_url;
    std::optional<bool> helpful;
    std::optional<FeedbackStatus> status;
    std::string tag;
    // Words anywhere in the subject, comment, page address or reply address, compared as search
    // compares them (text::fold_for_search: case, diacritics, niqqud, Arabic letter forms).
    std::string text;
    std::optional<std::int64_t> received_from_ms;   // inclusive
    std::optional<std::int64_t> received_before_ms; // exclusive
    FeedbackOrder order = FeedbackOrder::NewestFirst;
    // Keyset pagination: only rows past this one in the list's order (the last id of the previous
    // page). Ids only grow, so feedback arriving meanwhile never shifts or repeats a page.
    std::optional<std::int64_t> after_id;
    // A table that jumps (the console's, scrolled far down) reads by position instead: only rows
    // with ids up to `up_to_id` (the newest id when it first looked, so that rows arriving since do
    // not shift positions), skipping `offset` of them.
    std::optional<std::int64_t> up_to_id;
    std::size_t offset = 0;
    std::size_t limit = 50;
};

struct FeedbackPage {
    std::vector<StoredFeedback> items;
    bool more = false; // further rows match beyond this page
};

// How many rows a query matches (its order, offset and limit aside), and the newest id among them.
struct FeedbackCount {
    std::int64_t total = 0;
    std::int64_t newest_id = 0; // 0 when nothing matches
};

} // namespace support::server
