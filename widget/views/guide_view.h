#pragma once
// The guide being followed, in the panel: the step, its place ("Step 2 of 3" and a progress bar),
// what the page says about its target, and the shopper's controls — Next (Done on the last step)
// or the answers of a question, Previous step, Skip this step when the target cannot be found,
// Show me on the page (closes the panel to see the highlight) and Exit guide. After the guide
// ends it says how, with Start again.

#include "widget/views/view_action.h"

namespace support::widget {

class ActiveGuide;
class HelpContent;

ViewAction draw_guide_view(const ActiveGuide& guide, const HelpContent& content);

} // namespace support::widget
