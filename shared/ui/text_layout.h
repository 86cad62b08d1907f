#pragma once
// Line breaking for text made of styled runs (bold, italic, code, links, search highlights), so a
// paragraph can mix faces and still wrap to the panel's width like one piece of text — in any
// direction: each paragraph takes its direction from its first strong letter, lines break in
// logical order and are reordered for display (UAX #9), Arabic letters are joined, and
// right-to-left paragraphs are aligned right. This is the one path shared/ui draws text through.
//
// Lines break after spaces; a word never breaks between runs ("**30**-day" stays together), and
// only a word wider than the whole line is broken, between characters. Breaks fall on UTF-8
// sequence boundaries only, and a '\n' in the text starts a new line. Layout and drawing are
// separate so tests can check the breaks with a measure of their own.

#include "shared/ui/font_styles.h"

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct ImVec2;

namespace support::ui {

struct TextRun {
    std::string_view text;
    FontStyle style = FontStyle::Regular;
    bool code = false;      // inline code: drawn on a tinted background
    bool highlight = false; // a search match: drawn on the highlight background
    int link = -1;          // which link of the block this run belongs to; -1 for none
};

// One piece of one run on one line, at one bidi level.
struct PlacedFragment {
    std::uint32_t run = 0;
    std::uint32_t begin = 0, end = 0; // bytes of runs[run].text, in logical order
    int line = 0;
    float x = 0, width = 0; // from the block's left edge
    // What is drawn, left to right, when it differs from the text: reordered right-to-left text,
    // Arabic presentation forms, mirrored brackets (UTF-8).
    std::string glyphs;
};

struct TextLayout {
    std::vector<PlacedFragment> fragments;
    int lines = 0;
    float line_height = 0;
    float width = 0;                 // of the widest line
    std::vector<std::uint8_t> right_to_left; // per line: 1 when its paragraph reads right to left
    float height() const { return static_cast<float>(lines) * line_height; }
};

// The advance width of `text` drawn in `style`.
using MeasureText = std::function<float(FontStyle style, std::string_view text)>;

// `right_to_left`: the direction of paragraphs without a strong letter (the UI's direction).
TextLayout lay_out_text(std::span<const TextRun> runs, float wrap_width, float line_height,
                        const MeasureText& measure, bool right_to_left = false);

// With the current ImGui font size, the context's style faces (regular where one is missing) and
// the UI's direction.
TextLayout lay_out_text(std::span<const TextRun> runs, float wrap_width);

struct TextColours {
    std::uint32_t text = 0;      // ImU32 colours
    std::uint32_t link = 0;      // 0: the theme's link colour
    std::uint32_t highlight = 0; // 0: the theme's highlight background
};

// Notes each line of a layout drawn at `origin` in the UI context (DrawnTextLine), for tests.
void record_drawn_lines(const TextLayout& layout, std::span<const TextRun> runs, const ImVec2& origin);

// Draws a layout with its top-left corner at `origin` (screen position) into the current window.
// Links are underlined in the link colour; `hovered_link` (or -1) gets a thicker underline.
void draw_text_layout(const TextLayout& layout, std::span<const TextRun> runs, const ImVec2& origin,
                      const TextColours& colours = {}, int hovered_link = -1);

} // namespace support::ui
