// The widget core's entry point: the loader imports this module when the shopper opens the panel.
#include "shared/web/web_app.h"
#include "widget/widget_app.h"

int main() {
    static support::widget::WidgetApp app;
    support::web::run(app);
    return 0;
}
