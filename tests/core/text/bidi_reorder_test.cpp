#include "shared/core/text/bidi_reorder.h"

#include "shared/core/text/utf8.h"

#include "catch_amalgamated.hpp"

using namespace support::text;

namespace {

std::vector<BidiClass> classes_of(std::u32string_view text) {
    std::vector<BidiClass> classes;
    for (const char32_t c : text)
        classes.push_back(bidi_class(c));
    return classes;
}

// The line as it is displayed, left to right, mirrored glyphs applied, as UTF-8.
std::string displayed(std::u32string_view logical, TextDirection direction) {
    const std::vector<BidiClass> classes = classes_of(logical);
    const BidiParagraph paragraph = resolve_bidi_levels(logical, direction);
    const auto levels = line_levels(classes, paragraph, 0, logical.size());
    std::string out;
    for (const std::size_t i : visual_order(levels)) {
        append_utf8(out, displayed_code_point(logical[i], levels[i]));
    }
    return out;
}

} // namespace

TEST_CASE("A number inside Hebrew text keeps its digits left to right") {
    CHECK(displayed(U"הזמנה 12345 נשלחה", TextDirection::Auto) == "החלשנ 12345 הנמזה");
}

TEST_CASE("Arabic after a Latin start is reversed on its own and the line stays left to right") {
    CHECK(displayed(U"Order #42 — سفارش شما", TextDirection::Auto) == "Order #42 — امش شرافس");
}

TEST_CASE("A price with its currency sign stays whole in a right-to-left line") {
    CHECK(displayed(U"מחיר: ₪49.90", TextDirection::Auto) == "₪49.90 :ריחמ");
}

TEST_CASE("Brackets in right-to-left text are mirrored so they still open before the words") {
    CHECK(displayed(U"(שלום)", TextDirection::Auto) == "(םולש)");
    // A Latin product name in brackets inside Hebrew keeps its brackets around it.
    CHECK(displayed(U"מוצר (Blue Kettle) במלאי", TextDirection::RightToLeft) == "יאלמב (Blue Kettle) רצומ");
}

TEST_CASE("The paragraph direction comes from the first strong letter, and is left to right without one") {
    CHECK(resolve_bidi_levels(U"123 שלום", TextDirection::Auto).paragraph_level == 1);
    CHECK(resolve_bidi_levels(U"Hi שלום", TextDirection::Auto).paragraph_level == 0);
    CHECK(resolve_bidi_levels(U"123 !", TextDirection::Auto).paragraph_level == 0);
    CHECK(first_strong_level(U"\u2067abc\u2069 שלום", 0) == 1); // isolated text is skipped
}

TEST_CASE("Trailing white space of a right-to-left line goes to the line's visual end") {
    const std::u32string text = U"שלום  ";
    const std::vector<BidiClass> classes = classes_of(text);
    const BidiParagraph paragraph = resolve_bidi_levels(text, TextDirection::LeftToRight);
    const auto levels = line_levels(classes, paragraph, 0, text.size());
    CHECK(levels == std::vector<std::uint8_t>{1, 1, 1, 1, 0, 0});
    CHECK(visual_order(levels) == std::vector<std::size_t>{3, 2, 1, 0, 4, 5});
}

TEST_CASE("A line in the middle of a paragraph is reordered with the paragraph's levels") {
    const std::u32string text = U"abc שלום def";
    const std::vector<BidiClass> classes = classes_of(text);
    const BidiParagraph paragraph = resolve_bidi_levels(text, TextDirection::Auto);
    // The second line starts at "שלום def": its Hebrew word is reversed on its own.
    const auto levels = line_levels(classes, paragraph, 4, text.size());
    CHECK(visual_order(levels) == std::vector<std::size_t>{3, 2, 1, 0, 4, 5, 6, 7});
}
