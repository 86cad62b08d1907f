#pragma once
// Where a step's callout goes beside its highlighted target: on the preferred side if it fits,
// else the first side that does (below, above, after, before), always inside the viewport and
// never over the target when any side has room. Positions are CSS pixels in the viewport.
//
//   auto placed = place_callout({0, 0, 1280, 720}, Box{600, 300, 200, 40}, {320, 180}, Placement::Auto);
//   placed.x, placed.y  // the callout's top-left; placed.side == Placement::Bottom

#include "shared/core/guide/guide.h"

#include <optional>

namespace support::guide {

struct Box {
    float x = 0, y = 0, w = 0, h = 0;

    float right() const { return x + w; }
    float bottom() const { return y + h; }
    bool overlaps(const Box& other) const {
        return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
    }
    bool contains(const Box& other) const {
        return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
    }
};

struct CalloutSize {
    float w = 0, h = 0;
};

struct PlacedCallout {
    float x = 0, y = 0;
    Placement side = Placement::Auto; // Auto: centred, with no target (or none of the sides fits)
    bool covers_target = false;       // no side had room: the callout sits over part of the target
};

inline constexpr float k_callout_gap = 12;      // between the highlight and the callout
inline constexpr float k_viewport_margin = 8;   // kept free at the viewport's edges
inline constexpr float k_highlight_padding = 6; // the cut-out is this much larger than the target

// `target` is the highlighted box (the target plus padding); nullopt centres the callout.
// Left/Right are physical sides; a right-to-left page passes them mirrored.
PlacedCallout place_callout(Box viewport, std::optional<Box> target, CalloutSize size, Placement preferred);

} // namespace support::guide
