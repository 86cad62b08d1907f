#pragma once
// What the panel shows until the help articles are there: a loading message (announced politely),
// or, when the request failed, a clear error with Retry.

#include "widget/views/view_action.h"

namespace support::widget {

class HelpContent;

ViewAction draw_content_status_view(const HelpContent& content);

} // namespace support::widget
