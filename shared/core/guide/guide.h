#pragma once
// A guide: step-by-step help that points at the real page ("type your code here, then press
// Apply"), written by the site owner as one JSON file per guide under help/<locale>/guides/
// (shared/core/content/guide_loader.h reads and validates them) and run by guide::GuideRunner.
//
//   {
//     "id": "apply-coupon",                      // like an article id; the same in every locale
//     "title": "Apply a coupon",
//     "summary": "Use a discount code on your order",   // optional: one line in the guides list
//     "pages": ["/cart.html"],                   // optional: where the guide is suggested first
//     "steps": [
//       {"id": "code", "title": "Enter your code", "body": "Type the code from your email.",
//        "target": ["#coupon-code", "input[name=coupon]"],   // CSS selectors, first match wins
//        "placement": "bottom",                  // auto (default), top, bottom, left, right
//        "advance": "field_filled"},             // or {"when": "field_filled", "selector": …}
//       {"id": "apply", "title": "Press Apply", "target": "#apply-coupon", "advance": "target_clicked"},
//       {"id": "check", "title": "Check your total", "target": "#totals"}   // manual: Next / Done
//     ]
//   }
//
// A step advances when the shopper presses Next (manual) or does what it asks: clicks its target,
// fills a field, reaches a page, or makes an element appear. A step with branches asks a question
// instead ("Do you know your size?"); each answer names the step it leads to. After a step comes
// the next one in the list unless it says "next": "<step id>" or "next": "end".

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support::guide {

// Where the callout sits beside the target. Auto picks the side with the most room.
enum class Placement : std::uint8_t { Auto, Top, Bottom, Left, Right };

enum class AdvanceKind : std::uint8_t {
    Manual,         // the shopper presses Next (or Done on the last step)
    TargetClicked,  // a click on the step's target (or an element inside it)
    FieldFilled,    // the shopper typed into, chose or ticked a field: the target, or `selectors`
    UrlReached,     // the page's path matches `page` (a load or an in-page navigation)
    ElementVisible, // an element matching `selectors` is rendered (a result, a confirmation)
};

struct Advance {
    AdvanceKind kind = AdvanceKind::Manual;
    std::vector<std::string> selectors; // FieldFilled (default: the target), ElementVisible
    std::string page;                   // UrlReached: a URL path pattern, '*' matches any run
};

// One answer of a question step.
struct Branch {
    std::string label; // what the shopper picks: "Yes, I know my size"
    std::string next;  // the step it leads to, or "end"
};

inline constexpr const char* k_end_step = "end"; // "next": "end" finishes the guide

struct GuideStep {
    std::string id;
    std::string title;
    std::string body;                // plain text; blank lines separate paragraphs
    std::vector<std::string> target; // CSS selectors tried in order; empty: nothing to point at
    std::string page;                // the URL path pattern the step is on; empty: any page
    Placement placement = Placement::Auto;
    Advance advance;
    std::vector<Branch> branches; // non-empty: a question; its answers replace Next
    std::string next;             // empty: the following step (after the last: the end)
    std::uint32_t wait_ms = 0;    // how long to look for the target before saying so; 0: default
};

struct Guide {
    std::string id;
    std::string locale;
    std::string title;
    std::string summary;
    std::vector<std::string> pages; // start pages: URL path patterns
    std::vector<GuideStep> steps;
};

inline constexpr std::uint32_t k_default_wait_ms = 6000;
inline constexpr std::uint32_t k_max_wait_ms = 60000;

// The names used in files and on the wire: "auto", "top", …; "manual", "target_clicked", ….
const char* placement_name(Placement placement);
const char* advance_kind_name(AdvanceKind kind);
bool parse_placement(std::string_view name, Placement& out);
bool parse_advance_kind(std::string_view name, AdvanceKind& out);

} // namespace support::guide
