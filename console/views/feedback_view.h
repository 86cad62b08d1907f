#pragma once
// The Feedback view: filters, the table of everything shoppers said (scrolls smoothly through
// 100,000 rows: ImGui's clipper draws the visible ones, their pages fetched as they come into
// view) and the chosen item's detail pane beside it — or, in a narrow window (200% zoom), instead
// of it, with a way back.

#include "console/model/feedback_detail.h"
#include "console/model/feedback_rows.h"

#include <string>

namespace support::console {

struct FeedbackViewState {
    FeedbackFilters filters; // as edited; applied to the rows each frame
    std::string search_text; // the search field, applied as filters.text
    std::string new_tag;
    std::string new_note;
    bool scroll_to_chosen = false;
    bool filters_shown = false;   // narrow windows: the filters fold away behind a button
    bool focus_new_tag = false;   // T: the tag field takes focus on the next frame
    bool focus_first_row = false; // after sign-in: the table's first row takes focus once it is there
};

enum class FeedbackViewAction : std::uint8_t { None, ExportCsv };

FeedbackViewAction draw_feedback_view(FeedbackViewState& state, FeedbackRows& rows, FeedbackDetail& detail);

} // namespace support::console
