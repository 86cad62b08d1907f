#include "console/views/context_facts_pane.h"

#include "shared/ui/controls.h"

namespace support::console {

void draw_fact(const std::string& label, const std::string& value) {
    if (!value.empty())
        ui::paragraph(label + ": " + value);
}

void draw_context_facts(const ContextFacts& facts) {
    draw_fact("Shopper", describe_shopper(facts));
    draw_fact("Product", facts.product);
    draw_fact("Cart", facts.cart);
    draw_fact("Order", facts.order);
    for (const std::string& field : facts.custom)
        ui::paragraph(field);
    draw_fact("Page language", facts.page_language);
    draw_fact("Device", facts.device);
}

} // namespace support::console
