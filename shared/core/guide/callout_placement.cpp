#include "shared/core/guide/callout_placement.h"

#include <algorithm>
#include <array>

namespace support::guide {

namespace {

float clamp_into(float position, float length, float start, float end) {
    // When the callout is larger than the room, its start edge stays visible.
    return std::max(start, std::min(position, end - length));
}

// The callout on one side of the target, slid along that side to stay inside the viewport;
// nullopt when that side has no room for it.
std::optional<PlacedCallout> on_side(Placement side, const Box& view, const Box& target, CalloutSize size) {
    const float left = view.x + k_viewport_margin, top = view.y + k_viewport_margin;
    const float right = view.right() - k_viewport_margin, bottom = view.bottom() - k_viewport_margin;
    const float centre_x = clamp_into(target.x + target.w / 2 - size.w / 2, size.w, left, right);
    const float centre_y = clamp_into(target.y + target.h / 2 - size.h / 2, size.h, top, bottom);
    PlacedCallout placed;
    switch (side) {
    case Placement::Bottom:
        placed = {centre_x, target.bottom() + k_callout_gap, side, false};
        return placed.y + size.h <= bottom && size.w <= right - left ? std::optional(placed) : std::nullopt;
    case Placement::Top:
        placed = {centre_x, target.y - k_callout_gap - size.h, side, false};
        return placed.y >= top && size.w <= right - left ? std::optional(placed) : std::nullopt;
    case Placement::Right:
        placed = {target.right() + k_callout_gap, centre_y, side, false};
        return placed.x + size.w <= right && size.h <= bottom - top ? std::optional(placed) : std::nullopt;
    case Placement::Left:
        placed = {target.x - k_callout_gap - size.w, centre_y, side, false};
        return placed.x >= left && size.h <= bottom - top ? std::optional(placed) : std::nullopt;
    case Placement::Auto:
        break;
    }
    return std::nullopt;
}

} // namespace

PlacedCallout place_callout(Box viewport, std::optional<Box> target, CalloutSize size, Placement preferred) {
    const float left = viewport.x + k_viewport_margin, top = viewport.y + k_viewport_margin;
    const float right = viewport.right() - k_viewport_margin, bottom = viewport.bottom() - k_viewport_margin;
    if (!target) {
        return PlacedCallout{clamp_into(viewport.x + (viewport.w - size.w) / 2, size.w, left, right),
                             clamp_into(viewport.y + (viewport.h - size.h) / 2, size.h, top, bottom),
                             Placement::Auto, false};
    }
    if (preferred != Placement::Auto)
        if (auto placed = on_side(preferred, viewport, *target, size))
            return *placed;
    for (Placement side : std::array{Placement::Bottom, Placement::Top, Placement::Right, Placement::Left})
        if (auto placed = on_side(side, viewport, *target, size))
            return *placed;

    // No side has room (a target as tall as the screen, a tiny viewport): the edge of the viewport
    // with more free space, where the callout covers as little of the target as it can.
    const float room_below = bottom - target->bottom();
    const float room_above = target->y - top;
    PlacedCallout placed;
    placed.x = clamp_into(target->x + target->w / 2 - size.w / 2, size.w, left, right);
    placed.y = room_below >= room_above ? clamp_into(bottom - size.h, size.h, top, bottom) : top;
    placed.side = room_below >= room_above ? Placement::Bottom : Placement::Top;
    placed.covers_target = Box{placed.x, placed.y, size.w, size.h}.overlaps(*target);
    return placed;
}

} // namespace support::guide
