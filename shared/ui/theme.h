#pragma once
// The panel's look, derived from the site owner's brand colour: light surface, dark text, brand
// buttons whose label colour is chosen for contrast.

#include "shared/ui/color_contrast.h"

namespace support::ui {

struct Theme {
    Rgb brand{79, 70, 229};
    Rgb on_brand{255, 255, 255};
    Rgb surface{255, 255, 255};
    Rgb text{17, 24, 39};
    Rgb muted_text{75, 85, 99}; // 7.5:1 on white
    Rgb border{156, 163, 175};
    Rgb field{249, 250, 251};
};

Theme make_theme(Rgb brand);

// Applies the theme to the current ImGui style (colours, rounding, spacing).
void apply_theme(const Theme& theme);

} // namespace support::ui
