#pragma once
// What support staff do with feedback, as the store keeps it: a status (new → in progress →
// resolved, and back), tags, and internal notes. Every change is an entry in the item's activity,
// with who made it and when; entries are only ever added, so the history a colleague reads is the
// history that happened.

#include "server/storage/feedback_record.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::server {

enum class TriageAction : std::uint8_t { SetStatus, AddTag, RemoveTag, AddNote };
std::string_view triage_action_name(TriageAction action); // "status", "tag_added", "tag_removed", "note"
std::optional<TriageAction> parse_triage_action(std::string_view name);

struct TriageChange {
    std::int64_t feedback_id = 0;
    TriageAction action = TriageAction::AddNote;
    // The new status's name, the tag, or the note's text.
    std::string value;
    std::string staff_email;
    std::int64_t at_ms = 0;
};

struct FeedbackActivity {
    std::int64_t id = 0;
    TriageAction action = TriageAction::AddNote;
    std::string value;
    std::string staff_email; // kept as written, even after the account is removed
    std::int64_t at_ms = 0;
};

enum class TriageOutcome : std::uint8_t {
    Applied,   // changed, and recorded in the activity
    Unchanged, // the status was already that, the tag already there or already gone: nothing written
    NotFound,  // no feedback with that id
};

// One item with everything staff see beside it.
struct FeedbackDetail {
    StoredFeedback feedback;
    std::vector<FeedbackActivity> activity; // oldest first
};

} // namespace support::server
