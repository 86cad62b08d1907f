#pragma once
// The shopper's panel: a header (title, Close), the search field, and the current view.

#include "shared/web/web_app.h"

#include <string>

namespace support::widget {

class WidgetApp final : public web::WebApp {
  public:
    void start() override;
    void draw() override;
    void on_open_changed(bool open) override;
    std::string debug_state_json() const override;

  private:
    void draw_header();

    std::string m_title = "Help";
    std::string m_search_query;
    bool m_focus_on_next_frame = false;
};

} // namespace support::widget
