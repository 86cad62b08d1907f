#pragma once
// The keyboard focus ring: drawn around the control whose mirror element holds DOM focus when the
// focus came from the keyboard or assistive technology (UiContext::focus_ring_visible), and recorded
// for the debug state. Every control draws its ring here, so the ring looks the same everywhere.

#include "shared/ui/semantic_node.h"

struct ImVec2;

namespace support::ui {

// Draws the ring just outside [min, max] if `id` holds visible focus. `rounding` is the control's own.
void draw_focus_ring(NodeId id, const ImVec2& min, const ImVec2& max, float rounding);

} // namespace support::ui
