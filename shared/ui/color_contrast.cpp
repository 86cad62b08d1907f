#include "shared/ui/color_contrast.h"

#include "shared/core/hex_digit.h"

#include <algorithm>
#include <cmath>

namespace support::ui {

namespace {

double linear_channel(std::uint8_t value) {
    const double c = value / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

} // namespace

std::optional<Rgb> parse_hex_colour(std::string_view text) {
    if (text.empty() || text.front() != '#')
        return std::nullopt;
    text.remove_prefix(1);
    if (text.size() != 3 && text.size() != 6)
        return std::nullopt;
    int digits[6] = {};
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto d = hex_digit_value(text[i]);
        if (!d)
            return std::nullopt;
        digits[i] = *d;
    }
    auto channel = [&](int i) {
        return text.size() == 3 ? static_cast<std::uint8_t>(digits[i] * 17)
                                : static_cast<std::uint8_t>(digits[i * 2] * 16 + digits[i * 2 + 1]);
    };
    return Rgb{channel(0), channel(1), channel(2)};
}

double relative_luminance(Rgb colour) {
    return 0.2126 * linear_channel(colour.r) + 0.7152 * linear_channel(colour.g) +
           0.0722 * linear_channel(colour.b);
}

double contrast_ratio(Rgb a, Rgb b) {
    const double la = relative_luminance(a);
    const double lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb readable_text_on(Rgb background) {
    const Rgb white{255, 255, 255};
    // Pure black, not a softer ink: only black guarantees 4.5:1 against every possible background
    // (the worst case, a background of luminance ≈ 0.18, gets 4.58:1).
    const Rgb black{0, 0, 0};
    return contrast_ratio(background, white) >= contrast_ratio(background, black) ? white : black;
}

} // namespace support::ui
