#pragma once
// The support staff's console. First light: the shell the Inbox, Feedback and Insights views
// (server and console issue) are drawn into.

#include "shared/web/web_app.h"

namespace support::console {

class ConsoleApp final : public web::WebApp {
  public:
    void start() override;
    void draw() override;
};

} // namespace support::console
