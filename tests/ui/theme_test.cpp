#include "catch_amalgamated.hpp"
#include "shared/ui/theme.h"

using namespace support::ui;

TEST_CASE("links stay readable on the panel whatever the brand colour", "[ui][theme]") {
    for (const Rgb brand :
         {Rgb{79, 70, 229}, Rgb{250, 204, 21}, Rgb{125, 211, 252}, Rgb{255, 255, 255}, Rgb{0, 0, 0}}) {
        INFO(int(brand.r) << "," << int(brand.g) << "," << int(brand.b));
        const Theme theme = make_theme(brand);
        CHECK(contrast_ratio(theme.link, theme.surface) >= 4.5);
    }
}

TEST_CASE("a dark brand colour is used for links as it is", "[ui][theme]") {
    CHECK(make_theme(Rgb{79, 70, 229}).link == Rgb{79, 70, 229});
}

TEST_CASE("text on search highlights and inline code keeps 4.5:1", "[ui][theme]") {
    const Theme theme = make_theme(Rgb{79, 70, 229});
    CHECK(contrast_ratio(theme.text, theme.highlight) >= 4.5);
    CHECK(contrast_ratio(theme.text, theme.code_background) >= 4.5);
    CHECK(contrast_ratio(theme.muted_text, theme.highlight) >= 4.5); // snippets are muted text
}
