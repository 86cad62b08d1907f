#pragma once
// The facts a shopper's page and the site gave (who they are, product, cart, order, the site's own
// fields, page language, device), one line each, for the Inbox's open chat and the feedback detail.

#include "console/model/context_facts.h"

#include <string>

namespace support::console {

// "Label: value", drawn only when there is a value.
void draw_fact(const std::string& label, const std::string& value);

void draw_context_facts(const ContextFacts& facts);

} // namespace support::console
