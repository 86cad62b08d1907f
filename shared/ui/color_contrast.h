#pragma once
// WCAG 2 colour arithmetic: relative luminance, contrast ratio, and picking a text colour that
// stays readable on any brand colour a site owner chooses.

#include <cstdint>
#include <optional>
#include <string_view>

namespace support::ui {

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    bool operator==(const Rgb&) const = default;
};

// "#4f46e5", "#abc" (case-insensitive); nullopt for anything else.
std::optional<Rgb> parse_hex_colour(std::string_view text);

double relative_luminance(Rgb colour);
double contrast_ratio(Rgb a, Rgb b); // 1.0 … 21.0

// White or black, whichever contrasts more with the background: always at least 4.5:1.
Rgb readable_text_on(Rgb background);

} // namespace support::ui
