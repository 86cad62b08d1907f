#pragma once
// The home view. Before typing: the articles suggested for this page (or the first articles when
// none is tied to it) and the site's step-by-step guides (those for this page first, above the
// articles). While typing: the results of the current query, each a link to its article
// with the matched words highlighted, and a live status ("3 articles found") for screen readers.
// When nothing matches: says so and offers chat.

#include "widget/views/view_action.h"

#include <string_view>

namespace support::widget {

class HelpContent;
class HelpSearch;

ViewAction draw_home_view(const HelpContent& content, const HelpSearch& search, std::string_view query);

} // namespace support::widget
