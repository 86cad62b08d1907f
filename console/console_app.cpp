#include "console/console_app.h"

#include "shared/ui/controls.h"
#include "shared/ui/theme.h"

namespace support::console {

void ConsoleApp::start() {
    ui::apply_theme(ui::make_theme(ui::Rgb{79, 70, 229}));
}

void ConsoleApp::draw() {
    ui::heading("Support console", 1);
    ui::paragraph("Sign-in, the chat inbox and collected feedback appear here once the server stores them.");
}

} // namespace support::console
