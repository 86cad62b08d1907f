#pragma once
// One item beside the list: what the shopper said and where (page, product, locale, device), the
// status buttons, tags, an internal note, and the item's activity.

#include "console/model/feedback_detail.h"
#include "console/views/feedback_view.h"

namespace support::console {

void draw_feedback_detail_pane(FeedbackViewState& state, FeedbackDetail& detail);

} // namespace support::console
