#pragma once
// The home view: what the panel shows before and while the shopper types. Until the help content
// and search issue lands it says what the panel is for and echoes the query it will search.

#include <string>

namespace support::widget {

void draw_home_view(const std::string& search_query);

} // namespace support::widget
