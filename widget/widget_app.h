#pragma once
// The shopper's panel: a header (title, Close), the search field, and the current view.

#include "shared/web/web_app.h"

#include <cstdint>
#include <string>

namespace support::widget {

class WidgetApp final : public web::WebApp {
  public:
    void start() override;
    void draw() override;
    void on_open_changed(bool open) override;
    std::string debug_state_json() const override;

  private:
    enum class FocusAfterOpen : std::uint8_t { Nothing, CloseButton, SearchField };

    void draw_header();
    // Asks for DOM focus on the next control drawn if it is the one chosen when the panel opened.
    void claim_focus_if(FocusAfterOpen control);

    std::string m_title = "Help";
    std::string m_search_query;
    FocusAfterOpen m_focus_after_open = FocusAfterOpen::Nothing;
};

} // namespace support::widget
