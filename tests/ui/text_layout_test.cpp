#include "catch_amalgamated.hpp"
#include "shared/ui/text_layout.h"
#include "tests/ui/headless_imgui.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace support::ui;
using support::ui::testing::HeadlessImGui;

namespace {

// Every character (code point) is 10 px wide, whatever its face: breaks are easy to predict.
float ten_per_character(FontStyle, std::string_view text) {
    float width = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80)
            width += 10;
    return width;
}

// The text of each line, as drawn (fragments joined), trailing spaces trimmed.
std::vector<std::string> lines_of(const TextLayout& layout, const std::vector<TextRun>& runs) {
    std::vector<std::string> lines(static_cast<std::size_t>(layout.lines));
    for (const PlacedFragment& f : layout.fragments)
        lines[static_cast<std::size_t>(f.line)] +=
            std::string(runs[f.run].text.substr(f.begin, f.end - f.begin));
    for (std::string& line : lines)
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
    return lines;
}

} // namespace

TEST_CASE("text breaks at spaces so that no line is wider than the width", "[ui][text_layout]") {
    const std::vector<TextRun> runs{{"Returns are free within 60 days of delivery."}};
    const TextLayout layout = lay_out_text(runs, 200, 20, ten_per_character);
    CHECK(lines_of(layout, runs) ==
          std::vector<std::string>{"Returns are free", "within 60 days of", "delivery."});
    CHECK(layout.height() == 60);
    for (const PlacedFragment& f : layout.fragments) {
        const std::string_view text = runs[f.run].text.substr(f.begin, f.end - f.begin);
        CHECK(f.x + ten_per_character(FontStyle::Regular, text.substr(0, text.find_last_not_of(' ') + 1)) <=
              200);
    }
}

TEST_CASE("a word made of several runs is never split between them", "[ui][text_layout]") {
    // "You have 30-day returns" with "30" in bold: "30-day" is one word.
    const std::vector<TextRun> runs{{"You have "}, {"30", FontStyle::Bold}, {"-day returns"}};
    const TextLayout layout = lay_out_text(runs, 120, 20, ten_per_character);
    CHECK(lines_of(layout, runs) == std::vector<std::string>{"You have", "30-day", "returns"});
    const PlacedFragment& bold = layout.fragments[1];
    CHECK(bold.run == 1);
    CHECK(bold.line == 1);
    CHECK(bold.x == 0);
    CHECK(layout.fragments[2].x == 20);
}

TEST_CASE("a word wider than the line breaks between characters, never inside one", "[ui][text_layout]") {
    const std::string word = "ääääääääää"; // ten two-byte letters, 100 px
    const std::vector<TextRun> runs{{word}};
    const TextLayout layout = lay_out_text(runs, 35, 20, ten_per_character);
    CHECK(lines_of(layout, runs) == std::vector<std::string>{"äää", "äää", "äää", "ä"});
    for (const PlacedFragment& f : layout.fragments) {
        CHECK((static_cast<unsigned char>(word[f.begin]) & 0xC0) != 0x80);
        CHECK((f.end == word.size() || (static_cast<unsigned char>(word[f.end]) & 0xC0) != 0x80));
    }
}

TEST_CASE("a newline in the text starts a new line", "[ui][text_layout]") {
    const std::vector<TextRun> runs{{"First line\nSecond"}};
    const TextLayout layout = lay_out_text(runs, 1000, 20, ten_per_character);
    CHECK(lines_of(layout, runs) == std::vector<std::string>{"First line", "Second"});
}

TEST_CASE("empty text takes no lines", "[ui][text_layout]") {
    const std::vector<TextRun> runs{{""}};
    CHECK(lay_out_text(runs, 100, 20, ten_per_character).lines == 0);
}

TEST_CASE("with the real font, a long paragraph wraps to the panel's width", "[ui][text_layout]") {
    HeadlessImGui h(200, 600);
    const std::vector<TextRun> runs{
        {"You can return unworn shoes within sixty days for a full refund, shipping included."}};
    TextLayout narrow, wide;
    h.frame([&] {
        narrow = lay_out_text(runs, 150);
        wide = lay_out_text(runs, 10000);
    });
    CHECK(wide.lines == 1);
    CHECK(narrow.lines > 2);
    CHECK(narrow.width <= 150);
}

namespace {

// Each line as displayed, left to right: the fragments' glyphs (or their text) by x.
std::vector<std::string> displayed_lines(const TextLayout& layout, const std::vector<TextRun>& runs) {
    std::vector<std::vector<const PlacedFragment*>> by_line(static_cast<std::size_t>(layout.lines));
    for (const PlacedFragment& f : layout.fragments)
        by_line[static_cast<std::size_t>(f.line)].push_back(&f);
    std::vector<std::string> lines;
    for (auto& fragments : by_line) {
        std::sort(fragments.begin(), fragments.end(), [](auto* a, auto* b) { return a->x < b->x; });
        std::string line;
        for (const PlacedFragment* f : fragments)
            line += f->glyphs.empty() ? std::string(runs[f->run].text.substr(f->begin, f->end - f->begin))
                                      : f->glyphs;
        lines.push_back(line);
    }
    return lines;
}

} // namespace

TEST_CASE("a Hebrew paragraph is drawn right to left and aligned to the right edge", "[ui][text_layout]") {
    const std::vector<TextRun> runs{{"שלום עולם"}};
    const TextLayout layout = lay_out_text(runs, 200, 20, ten_per_character);
    CHECK(displayed_lines(layout, runs) == std::vector<std::string>{"םלוע םולש"});
    REQUIRE(layout.fragments.size() == 1);
    CHECK(layout.fragments[0].x == 110); // 90 px of text ending at 200
    CHECK(layout.fragments[0].begin == 0);
    CHECK(layout.fragments[0].end == runs[0].text.size());
}

TEST_CASE("numbers, prices and Latin words inside right-to-left text keep their own order",
          "[ui][text_layout]") {
    const std::vector<TextRun> runs{{"הזמנה 12345 נשלחה"}, {" "}, {"Order #42 — سفارش شما"}};
    CHECK(displayed_lines(lay_out_text(std::span(runs).first(1), 1000, 20, ten_per_character), runs) ==
          std::vector<std::string>{"החלשנ 12345 הנמזה"});
    const std::vector<TextRun> persian{{"Order #42 — سفارش شما"}};
    const TextLayout layout = lay_out_text(persian, 1000, 20, ten_per_character);
    // Left to right (it starts with a Latin letter); the Persian words read right to left, joined.
    CHECK(displayed_lines(layout, persian) ==
          std::vector<std::string>{"Order #42 — \uFE8E\uFEE4\uFEB7 \uFEB5\uFEAD\uFE8E\uFED4\uFEB3"});
    CHECK(layout.fragments.front().x == 0);
}

TEST_CASE("a wrapped right-to-left paragraph starts at the top line and every line ends at the right",
          "[ui][text_layout]") {
    const std::vector<TextRun> runs{{"אחת שתיים שלוש"}};
    const TextLayout layout = lay_out_text(runs, 100, 20, ten_per_character);
    CHECK(displayed_lines(layout, runs) == std::vector<std::string>{"םייתש תחא", "שולש"});
    for (const PlacedFragment& f : layout.fragments)
        CHECK(f.x + f.width == 100);
}

TEST_CASE("Arabic letters are joined and a lam-alef takes one glyph's width", "[ui][text_layout]") {
    const std::vector<TextRun> runs{{"سلام"}};
    const TextLayout layout = lay_out_text(runs, 1000, 20, ten_per_character);
    // Displayed left to right: meem isolated, lam-alef final, seen initial.
    CHECK(displayed_lines(layout, runs) == std::vector<std::string>{"\uFEE1\uFEFC\uFEB3"});
    REQUIRE(layout.fragments.size() == 1);
    CHECK(layout.fragments[0].width == 30);
    CHECK(layout.fragments[0].x == 970); // right-aligned in the 1000 px it may take
}

TEST_CASE("a bold word inside Hebrew stays its own fragment, in its place", "[ui][text_layout]") {
    // "שלח **עכשיו** היום": the bold word is the middle one when read right to left.
    const std::vector<TextRun> runs{{"שלח "}, {"עכשיו", FontStyle::Bold}, {" היום"}};
    const TextLayout layout = lay_out_text(runs, 1000, 20, ten_per_character);
    CHECK(displayed_lines(layout, runs) == std::vector<std::string>{"םויה וישכע חלש"});
    REQUIRE(layout.fragments.size() == 3);
    const auto& bold = *std::find_if(layout.fragments.begin(), layout.fragments.end(),
                                     [](const PlacedFragment& f) { return f.run == 1; });
    const auto& first = *std::find_if(layout.fragments.begin(), layout.fragments.end(),
                                      [](const PlacedFragment& f) { return f.run == 0; });
    CHECK(bold.x < first.x); // the first word is rightmost
}

TEST_CASE("text without a strong letter follows the UI's direction", "[ui][text_layout]") {
    const std::vector<TextRun> runs{{"(42)"}};
    const TextLayout ltr = lay_out_text(runs, 100, 20, ten_per_character, false);
    const TextLayout rtl = lay_out_text(runs, 100, 20, ten_per_character, true);
    CHECK(ltr.fragments.front().x == 0);
    CHECK(rtl.fragments.front().x == 60);
    CHECK(displayed_lines(rtl, runs) == std::vector<std::string>{"(42)"});
}

TEST_CASE("the alef a lam-alef ligature absorbs stays part of its fragment's text", "[ui][text_layout]") {
    const std::vector<TextRun> runs{{"لا"}};
    const TextLayout layout = lay_out_text(runs, 1000, 20, ten_per_character);
    REQUIRE(layout.fragments.size() == 1);
    CHECK(layout.fragments[0].begin == 0);
    CHECK(layout.fragments[0].end == runs[0].text.size());
    CHECK(layout.fragments[0].width == 10);
}

TEST_CASE("a vowel mark in right-to-left text is drawn after its letter, so it lands on it",
          "[ui][text_layout]") {
    // שָׁלוֹם: shin with qamats and shin dot, lamed, vav with holam, final mem.
    const std::vector<TextRun> runs{{"שָׁלוֹם"}};
    const TextLayout layout = lay_out_text(runs, 1000, 20, ten_per_character);
    // Displayed left to right: mem, vav + holam, lamed, shin + its marks — each letter first.
    CHECK(displayed_lines(layout, runs) == std::vector<std::string>{"םוֹלשָׁ"});
    // Arabic: بَب → beh final, then beh initial followed by its fatha.
    const std::vector<TextRun> arabic{{"بَب"}};
    CHECK(displayed_lines(lay_out_text(arabic, 1000, 20, ten_per_character), arabic) ==
          std::vector<std::string>{"\uFE90\uFE91\u064E"});
}
