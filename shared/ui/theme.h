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
    Rgb code_background{238, 240, 243}; // inline code; text keeps ≥ 4.5:1 on it
    Rgb highlight{254, 240, 138};       // search matches (a soft yellow); text 15:1 on it
    Rgb link{79, 70, 229};              // the brand colour, darkened until it reads at 4.5:1 on the surface
    Rgb error{185, 28, 28};             // a form's error text and an invalid field's border: 6.5:1 on white
};

Theme make_theme(Rgb brand);

// Applies the theme to the current ImGui style (colours, rounding, spacing).
void apply_theme(const Theme& theme);

} // namespace support::ui
