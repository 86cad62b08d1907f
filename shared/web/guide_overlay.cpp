#include "shared/web/guide_overlay.h"

#include "shared/core/guide/callout_placement.h"
#include "shared/web/js_bridge.h"
#include "shared/web/web_app.h"

#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

namespace support::web {

namespace {

std::function<void(const guide::GuideEvent&)>& page_handler() {
    static std::function<void(const guide::GuideEvent&)> handler;
    return handler;
}

} // namespace

void show_guide_step(const GuideOverlayStep& step) {
    const nlohmann::json spec = {
        {"showing", step.showing},
        {"guide", step.guide_title},
        {"locale", step.locale},
        {"count", step.count},
        {"position", step.position},
        {"total", step.total},
        {"title", step.title},
        {"body", step.body},
        {"targets", step.targets},
        {"placement", step.placement},
        {"waitMs", step.wait_ms},
        {"state", step.state},
        {"watch",
         {{"click", step.watch_click},
          {"fill", step.watch_fill.empty() ? nlohmann::json(nullptr) : nlohmann::json(step.watch_fill)},
          {"visible",
           step.watch_visible.empty() ? nlohmann::json(nullptr) : nlohmann::json(step.watch_visible)}}},
        {"back", step.can_go_back},
        {"next", step.next_label},
        {"choices", step.choices},
        {"otherPage", {{"text", step.other_page_text}, {"href", step.other_page_href}}},
        {"announce", step.announcement},
        {"focus", step.focus},
        {"text",
         {{"exit", step.text.exit},
          {"back", step.text.back},
          {"skip", step.text.skip},
          {"end", step.text.end},
          {"missing", step.text.missing},
          {"go", step.text.go},
          {"progress", step.text.progress}}},
    };
    sw_web_guide_show(spec.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).c_str());
}

void hide_guide_overlay(const std::string& announcement) {
    sw_web_guide_hide(announcement.c_str());
}

void set_guide_page_handler(std::function<void(const guide::GuideEvent&)> handler) {
    page_handler() = std::move(handler);
}

} // namespace support::web

extern "C" {

// `kind` is a guide::GuideEventKind; `detail` the path (PageChanged) or the answer's index, "0"–"5"
// (Choose).
EMSCRIPTEN_KEEPALIVE void sw_web_on_guide_event(int kind, std::uint32_t showing, const char* detail) {
    using support::guide::GuideEventKind;
    using namespace support::web;
    if (kind < 0 || kind > static_cast<int>(GuideEventKind::PageChanged) || !page_handler() || !detail)
        return;
    support::guide::GuideEvent event{static_cast<GuideEventKind>(kind), showing, 0, {}};
    if (event.kind == GuideEventKind::PageChanged)
        event.path = detail;
    if (event.kind == GuideEventKind::Choose) {
        if (detail[0] < '0' || detail[0] > '9' || detail[1] != '\0')
            return;
        event.choice = static_cast<std::size_t>(detail[0] - '0');
    }
    page_handler()(event);
    request_frames();
}

// guide::place_callout for guide_overlay.js: returns {x, y} in a static buffer the caller reads
// at once. `preferred` is guide::Placement's value.
EMSCRIPTEN_KEEPALIVE const float* sw_web_place_callout(float viewport_w, float viewport_h, int has_target,
                                                       float x, float y, float w, float h, float callout_w,
                                                       float callout_h, int preferred) {
    using namespace support::guide;
    static float out[2];
    std::optional<Box> target;
    if (has_target)
        target = Box{x, y, w, h};
    const Placement side = preferred >= 0 && preferred <= static_cast<int>(Placement::Right)
                               ? static_cast<Placement>(preferred)
                               : Placement::Auto;
    const PlacedCallout placed =
        place_callout(Box{0, 0, viewport_w, viewport_h}, target, {callout_w, callout_h}, side);
    out[0] = placed.x;
    out[1] = placed.y;
    return out;
}

} // extern "C"
