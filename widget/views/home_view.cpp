#include "widget/views/home_view.h"

#include "shared/ui/controls.h"

namespace support::widget {

void draw_home_view(const std::string& search_query) {
    if (search_query.empty()) {
        ui::heading("How can we help?", 2);
        ui::paragraph("Search our help articles, follow a step-by-step guide, or chat with us.");
        return;
    }
    ui::heading("Search", 2);
    ui::paragraph("Searching help articles for \xE2\x80\x9C" + search_query + "\xE2\x80\x9D.");
}

} // namespace support::widget
