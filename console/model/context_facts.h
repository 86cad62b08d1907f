#pragma once
// What the page and the site knew when a shopper gave feedback or began a chat, as staff read it
// ("" when it did not say). Read from the stored context (protocol/context_snapshot.h) the same way
// for the Inbox and the feedback detail.

#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

namespace support::console {

struct ContextFacts {
    std::string page_title;
    std::string device;              // "phone", "tablet", "desktop"
    std::string page_language;       // "he, right to left"
    std::string product;             // "Trail Runner 2, NW-TR2-GRN, 129.00 USD"
    std::string cart;                // "2 items, 239.80 USD"
    std::string order;               // "#1042, shipped"
    std::vector<std::string> custom; // the site's own fields: "plan: gold"
    // Who the site says the shopper is: "Dana Levi, dana@example.com, id c-1042"; and whether the
    // site signed it (support-server checked the hash).
    std::string shopper;
    bool shopper_verified = false;

    bool operator==(const ContextFacts&) const = default;
};

// `context`: the stored context object (anything else reads as nothing known).
ContextFacts read_context_facts(const nlohmann::json& context);

// "Dana Levi, dana@example.com, id c-1042 (verified by the site)" / "… (unverified)"; "" for none.
std::string describe_shopper(const ContextFacts& facts);

} // namespace support::console
