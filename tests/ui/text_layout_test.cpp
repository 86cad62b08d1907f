#include "catch_amalgamated.hpp"
#include "shared/ui/text_layout.h"
#include "tests/ui/headless_imgui.h"

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
