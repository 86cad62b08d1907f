// The console's entry point, imported by console/index.html.
#include "console/console_app.h"
#include "shared/web/web_app.h"

int main() {
    static support::console::ConsoleApp app;
    support::web::run(app);
    return 0;
}
