#pragma once
// The guide overlay on the host page (guide_overlay.mjs, imported on first use): the highlight around a
// step's target, the callout beside it, and what the page reports back. The app says what to show; this layer
// only draws it and watches the page, so the guide engine stays in shared/core.
//
//   web::set_guide_page_handler([&](const guide::GuideEvent& e) { … runner.handle(e, now) … });
//   web::show_guide_step(step);      // a new showing, or the same one drawn again
//   web::hide_guide_overlay("Guide complete: Apply a coupon");
//
// Handlers run outside frames, never from inside show_guide_step() or hide_guide_overlay().

#include "shared/core/guide/guide_runner.h"

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace support::web {

// The words of the callout's own controls, from the app (so they follow the shopper's language).
struct GuideOverlayText {
    std::string exit = "Exit guide";
    std::string back = "Back";
    std::string skip = "Skip this step";
    std::string end = "End guide";
    std::string missing = "I can't find this on the page.";
    std::string go = "Go to that page";
    std::string progress = "Guide progress";
};

struct GuideOverlayStep {
    std::uint32_t showing = 0; // a new number: look for the target afresh; the same: draw again
    std::string guide_title;   // names the callout dialog
    std::string locale;        // the guide's language (the callout's lang)
    std::string count;         // "Step 2 of 3"
    std::size_t position = 0, total = 0;
    std::string title, body;
    std::vector<std::string> targets; // CSS selectors; first rendered match wins
    std::string placement;            // "auto", "top", "bottom", "left", "right"
    std::uint32_t wait_ms = 0;
    std::string state; // "searching", "found", "missing", "other-page", "none"
    bool watch_click = false;
    std::vector<std::string> watch_fill;    // fields whose filling the page reports
    std::vector<std::string> watch_visible; // elements whose appearing the page reports
    bool can_go_back = false;
    std::string next_label; // "Next", "Done", or empty for a question
    std::vector<std::string> choices;
    std::string other_page_text, other_page_href;
    std::string announcement;
    bool focus = false; // move keyboard focus into the callout
    GuideOverlayText text;
};

void show_guide_step(const GuideOverlayStep& step);
// Removes every overlay element; `announcement` is said first ("Guide complete: …").
void hide_guide_overlay(const std::string& announcement);
// What the page saw and the callout's buttons, as engine events (the showing they are about set).
void set_guide_page_handler(std::function<void(const guide::GuideEvent&)> handler);

} // namespace support::web
