#include "catch_amalgamated.hpp"
#include "shared/ui/color_contrast.h"

using namespace support::ui;

TEST_CASE("hex colours parse in long and short form and reject the rest", "[ui][colour]") {
    CHECK(parse_hex_colour("#4f46e5") == Rgb{0x4f, 0x46, 0xe5});
    CHECK(parse_hex_colour("#ABC") == Rgb{0xaa, 0xbb, 0xcc});
    CHECK_FALSE(parse_hex_colour("4f46e5").has_value());
    CHECK_FALSE(parse_hex_colour("#4f46e").has_value());
    CHECK_FALSE(parse_hex_colour("#ggg").has_value());
    CHECK_FALSE(parse_hex_colour("").has_value());
}

TEST_CASE("contrast ratios match WCAG's reference values", "[ui][colour]") {
    CHECK(contrast_ratio({0, 0, 0}, {255, 255, 255}) == Catch::Approx(21.0));
    CHECK(contrast_ratio({255, 255, 255}, {255, 255, 255}) == Catch::Approx(1.0));
    CHECK(contrast_ratio({118, 118, 118}, {255, 255, 255}) == Catch::Approx(4.54).margin(0.01));
}

TEST_CASE("the text colour picked for any brand colour reaches 4.5:1", "[ui][colour]") {
    double worst = 21.0;
    for (int r = 0; r < 256; r += 5)
        for (int g = 0; g < 256; g += 5)
            for (int b = 0; b < 256; b += 5) {
                const Rgb brand{static_cast<std::uint8_t>(r), static_cast<std::uint8_t>(g),
                                static_cast<std::uint8_t>(b)};
                worst = std::min(worst, contrast_ratio(brand, readable_text_on(brand)));
            }
    CHECK(worst >= 4.5);
}
