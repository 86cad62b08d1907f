#include "shared/ui/text_layout.h"

#include "shared/core/text/arabic_joining.h"
#include "shared/core/text/bidi_reorder.h"
#include "shared/core/text/utf8.h"

#include "shared/ui/ui_context.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace support::ui {

namespace {

bool is_break_space(char32_t c) {
    return c == U' ' || c == U'\t';
}

// One code point of the text, where it came from, and what is drawn for it.
struct Character {
    char32_t code_point = 0;
    std::uint32_t run = 0;
    std::uint32_t begin = 0, end = 0; // bytes of runs[run].text
};

// Lays out text paragraph by paragraph (a '\n' ends one): each gets its direction from its first
// strong letter (the UI's direction when it has none), its bidi levels and its Arabic joining; lines
// break in logical order after spaces; each line is then reordered for display (UAX #9 L1, L2,
// mirrored glyphs), and right-to-left paragraphs are aligned right.
class LineBreaker {
  public:
    LineBreaker(std::span<const TextRun> runs, float wrap_width, float line_height,
                const MeasureText& measure, bool right_to_left)
        : m_runs(runs), m_wrap(std::max(wrap_width, 1.0f)), m_measure(measure),
          m_right_to_left(right_to_left) {
        m_layout.line_height = line_height;
    }

    TextLayout run() {
        std::vector<Character> characters;
        for (std::uint32_t r = 0; r < m_runs.size(); ++r) {
            const std::string_view text = m_runs[r].text;
            for (std::size_t i = 0; i < text.size();) {
                const auto decoded = support::text::decode_utf8(text, i);
                characters.push_back({decoded.value, r, static_cast<std::uint32_t>(i),
                                      static_cast<std::uint32_t>(i + decoded.length)});
                i += decoded.length;
            }
        }
        std::size_t start = 0;
        for (std::size_t i = 0; i <= characters.size(); ++i) {
            if (i == characters.size() || characters[i].code_point == U'\n') {
                if (i > start || i < characters.size())
                    lay_out_paragraph(std::span<const Character>(characters).subspan(start, i - start));
                start = i + 1;
            }
        }
        align_lines();
        return std::move(m_layout);
    }

  private:
    struct Line {
        std::size_t first_fragment = 0;
        float width = 0;
        bool aligned_right = false;
    };

    void lay_out_paragraph(std::span<const Character> chars) {
        std::u32string logical;
        logical.reserve(chars.size());
        for (const Character& c : chars)
            logical.push_back(c.code_point == U'\t' ? U' ' : c.code_point);
        // Classes once, for the levels (the first strong letter picks the direction, else the UI's)
        // and for each line's reordering.
        std::vector<support::text::BidiClass> classes;
        classes.reserve(logical.size());
        for (const char32_t c : logical)
            classes.push_back(support::text::bidi_class(c));
        const auto paragraph = support::text::resolve_bidi_levels(
            classes, std::span<const char32_t>(logical.data(), logical.size()),
            support::text::TextDirection::Auto, m_right_to_left ? 1 : 0);
        const std::u32string shaped =
            support::text::needs_arabic_shaping(logical) ? support::text::shape_arabic(logical) : logical;

        std::vector<float> widths(chars.size(), 0.0f);
        std::string glyph;
        for (std::size_t i = 0; i < chars.size(); ++i) {
            if (!is_drawn(shaped[i]))
                continue;
            glyph.clear();
            support::text::append_utf8(glyph, shaped[i]);
            widths[i] = m_measure(m_runs[chars[i].run].style, glyph);
        }

        // Lines in logical order: [begin, end) of this paragraph's characters.
        std::vector<std::pair<std::size_t, std::size_t>> lines;
        std::size_t line_begin = 0;
        float x = 0;
        std::size_t i = 0;
        while (i < chars.size()) {
            // A word: characters up to a space, then its spaces.
            std::size_t word_end = i;
            float word_width = 0;
            while (word_end < chars.size() && !is_break_space(logical[word_end]))
                word_width += widths[word_end++];
            std::size_t spaces_end = word_end;
            float space_width = 0;
            while (spaces_end < chars.size() && is_break_space(logical[spaces_end]))
                space_width += widths[spaces_end++];
            if (x > 0 && x + word_width > m_wrap) {
                lines.emplace_back(line_begin, i);
                line_begin = i;
                x = 0;
            }
            if (word_width > m_wrap) {
                // Wider than a whole line: as many whole characters on each line as fit.
                for (std::size_t c = i; c < word_end; ++c) {
                    if (x > 0 && x + widths[c] > m_wrap) {
                        lines.emplace_back(line_begin, c);
                        line_begin = c;
                        x = 0;
                    }
                    x += widths[c];
                }
                x += space_width;
            } else {
                x += word_width + space_width;
            }
            i = spaces_end;
        }
        lines.emplace_back(line_begin, chars.size());

        for (const auto& [begin, end] : lines)
            place_line(chars, logical, shaped, classes, paragraph, widths, begin, end);
    }

    static bool is_drawn(char32_t c) {
        return c != support::text::k_ligature_continuation && c != U'\n' &&
               !support::text::is_default_ignorable(c);
    }

    void place_line(std::span<const Character> chars, const std::u32string& logical,
                    const std::u32string& shaped, const std::vector<support::text::BidiClass>& classes,
                    const support::text::BidiParagraph& paragraph, const std::vector<float>& widths,
                    std::size_t begin, std::size_t end) {
        // Spaces ending the line are not drawn (and do not count towards its width).
        std::size_t shown_end = end;
        while (shown_end > begin && is_break_space(logical[shown_end - 1]))
            --shown_end;
        const auto levels = support::text::line_levels(classes, paragraph, begin, shown_end);
        Line line;
        line.first_fragment = m_layout.fragments.size();
        // Aligned right when it reads right to left, and every line in a right-to-left UI (like
        // text-align: start in a dir="rtl" document).
        line.aligned_right = paragraph.paragraph_level == 1 || m_right_to_left;
        float x = 0;
        PlacedFragment* open = nullptr;
        const Character* pending = nullptr;
        std::uint8_t open_level = 0;
        std::vector<std::size_t> order = support::text::visual_order(levels);
        // L3: reversed right-to-left text puts combining marks (niqqud, harakat) before their
        // letter; Dear ImGui draws a mark over the glyph drawn before it, so each goes back after.
        for (std::size_t k = 0; k < order.size(); ++k) {
            std::size_t base = k;
            while (base < order.size() && (levels[order[base]] & 1U) != 0 &&
                   classes[begin + order[base]] == support::text::BidiClass::NSM)
                ++base;
            if (base > k && base < order.size() && (levels[order[base]] & 1U) != 0) {
                // The letter first, then its marks in their logical order.
                std::reverse(order.begin() + static_cast<std::ptrdiff_t>(k),
                             order.begin() + static_cast<std::ptrdiff_t>(base) + 1);
                k = base;
            }
        }
        for (const std::size_t visual : order) {
            const std::size_t i = begin + visual;
            const Character& c = chars[i];
            if (!is_drawn(shaped[i])) {
                // Nothing to draw (an alef inside a lam-alef ligature, a ZWNJ), but its bytes are
                // part of the words beside it: a highlight or link over them covers it too.
                if (open && open->run == c.run) {
                    open->begin = std::min(open->begin, c.begin);
                    open->end = std::max(open->end, c.end);
                } else if (!open) {
                    pending = &c; // first on the line: it joins the fragment that opens next
                }
                continue;
            }
            const std::uint8_t level = levels[visual];
            if (!open || open->run != c.run || open_level != level) {
                m_layout.fragments.push_back(PlacedFragment{c.run, c.begin, c.end, m_line, x, 0, {}});
                open = &m_layout.fragments.back();
                open_level = level;
                if (pending && pending->run == c.run) {
                    open->begin = std::min(open->begin, pending->begin);
                    open->end = std::max(open->end, pending->end);
                }
                pending = nullptr;
            }
            open->begin = std::min(open->begin, c.begin);
            open->end = std::max(open->end, c.end);
            open->width += widths[i];
            support::text::append_utf8(open->glyphs, support::text::displayed_code_point(shaped[i], level));
            x += widths[i];
        }
        // Text drawn exactly as stored needs no copy of its glyphs.
        for (std::size_t f = line.first_fragment; f < m_layout.fragments.size(); ++f) {
            PlacedFragment& fragment = m_layout.fragments[f];
            if (fragment.glyphs ==
                m_runs[fragment.run].text.substr(fragment.begin, fragment.end - fragment.begin))
                fragment.glyphs.clear();
        }
        line.width = x;
        m_lines.push_back(line);
        m_layout.right_to_left.push_back(paragraph.paragraph_level);
        ++m_line;
        m_layout.lines = m_line;
    }

    // Right-to-left lines end at the right edge: of the wrap width, or of the widest line when
    // nothing wraps.
    void align_lines() {
        float widest = 0;
        for (const Line& line : m_lines)
            widest = std::max(widest, line.width);
        const float edge = m_wrap < 1e6f ? std::max(m_wrap, widest) : widest;
        m_layout.width = widest;
        for (std::size_t l = 0; l < m_lines.size(); ++l) {
            if (!m_lines[l].aligned_right)
                continue;
            const float shift = edge - m_lines[l].width;
            const std::size_t last =
                l + 1 < m_lines.size() ? m_lines[l + 1].first_fragment : m_layout.fragments.size();
            for (std::size_t f = m_lines[l].first_fragment; f < last; ++f)
                m_layout.fragments[f].x += shift;
            m_layout.width = std::max(m_layout.width, edge);
        }
    }

    std::span<const TextRun> m_runs;
    float m_wrap;
    const MeasureText& m_measure;
    bool m_right_to_left;
    TextLayout m_layout;
    std::vector<Line> m_lines;
    int m_line = 0;
};

ImU32 or_default(std::uint32_t colour, ImGuiCol fallback) {
    return colour != 0 ? colour : ImGui::GetColorU32(fallback);
}

} // namespace

TextLayout lay_out_text(std::span<const TextRun> runs, float wrap_width, float line_height,
                        const MeasureText& measure, bool right_to_left) {
    return LineBreaker(runs, wrap_width, line_height, measure, right_to_left).run();
}

TextLayout lay_out_text(std::span<const TextRun> runs, float wrap_width) {
    StyleFonts& fonts = current_context().style_fonts();
    const float size = ImGui::GetFontSize();
    const MeasureText measure = [&](FontStyle style, std::string_view text) {
        ImFont* font = fonts.get(style);
        if (!font)
            font = ImGui::GetFont();
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
    };
    return lay_out_text(runs, wrap_width, size, measure, current_context().right_to_left());
}

void record_drawn_lines(const TextLayout& layout, std::span<const TextRun> runs, const ImVec2& origin) {
    UiContext& ctx = current_context();
    if (!ctx.recording())
        return;
    const ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
    const ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
    std::vector<const PlacedFragment*> line;
    for (int l = 0; l < layout.lines; ++l) {
        line.clear();
        for (const PlacedFragment& f : layout.fragments)
            if (f.line == l)
                line.push_back(&f);
        if (line.empty())
            continue;
        // Logical order (a few fragments: an insertion sort, no std::sort code in the module).
        const auto before = [](const PlacedFragment* a, const PlacedFragment* b) {
            return a->run != b->run ? a->run < b->run : a->begin < b->begin;
        };
        for (std::size_t k = 1; k < line.size(); ++k)
            for (std::size_t j = k; j > 0 && before(line[j], line[j - 1]); --j)
                std::swap(line[j], line[j - 1]);
        DrawnTextLine drawn;
        float left = line.front()->x, right = line.front()->x + line.front()->width;
        for (const PlacedFragment* f : line) {
            drawn.text += runs[f->run].text.substr(f->begin, f->end - f->begin);
            drawn.plain = drawn.plain && runs[f->run].style == FontStyle::Regular && !runs[f->run].code;
            left = std::min(left, f->x);
            right = std::max(right, f->x + f->width);
        }
        const float y = origin.y + static_cast<float>(l) * layout.line_height;
        drawn.rect = Rect{origin.x + left, y, right - left, layout.line_height};
        drawn.clip = Rect{clip_min.x, clip_min.y, clip_max.x - clip_min.x, clip_max.y - clip_min.y};
        drawn.font_size = ImGui::GetFontSize();
        drawn.right_to_left =
            static_cast<std::size_t>(l) < layout.right_to_left.size() && layout.right_to_left[l] != 0;
        ctx.record_text_line(std::move(drawn));
    }
}

void draw_text_layout(const TextLayout& layout, std::span<const TextRun> runs, const ImVec2& origin,
                      const TextColours& colours, int hovered_link) {
    record_drawn_lines(layout, runs, origin);
    ImDrawList* draw = ImGui::GetWindowDrawList();
    StyleFonts& fonts = current_context().style_fonts();
    const float size = ImGui::GetFontSize();
    const ImU32 text_colour = or_default(colours.text, ImGuiCol_Text);
    const ImU32 link_colour = or_default(colours.link, ImGuiCol_TextLink);
    const ImU32 highlight_colour = or_default(colours.highlight, ImGuiCol_TextSelectedBg);
    const ImU32 code_colour = ImGui::GetColorU32(ImGuiCol_FrameBgHovered); // the theme's code background
    for (const PlacedFragment& fragment : layout.fragments) {
        const TextRun& run = runs[fragment.run];
        const ImVec2 min(origin.x + fragment.x,
                         origin.y + static_cast<float>(fragment.line) * layout.line_height);
        const ImVec2 max(min.x + fragment.width, min.y + layout.line_height);
        if (run.code)
            draw->AddRectFilled(ImVec2(min.x - 2, min.y), ImVec2(max.x + 2, max.y), code_colour, 3.0f);
        if (run.highlight)
            draw->AddRectFilled(min, max, highlight_colour, 2.0f);
        ImFont* font = fonts.get(run.style);
        if (!font)
            font = ImGui::GetFont();
        const ImU32 colour = run.link >= 0 ? link_colour : text_colour;
        const std::string_view glyphs = fragment.glyphs.empty()
                                            ? run.text.substr(fragment.begin, fragment.end - fragment.begin)
                                            : std::string_view(fragment.glyphs);
        draw->AddText(font, size, min, colour, glyphs.data(), glyphs.data() + glyphs.size());
        if (run.link >= 0) {
            // Under the words only: not under spaces at either end, which would run into the next word.
            const std::size_t first = glyphs.find_first_not_of(" \t");
            if (first == std::string_view::npos)
                continue;
            const std::size_t last = glyphs.find_last_not_of(" \t") + 1;
            const float lead =
                font->CalcTextSizeA(size, FLT_MAX, 0.0f, glyphs.data(), glyphs.data() + first).x;
            const float inner =
                font->CalcTextSizeA(size, FLT_MAX, 0.0f, glyphs.data() + first, glyphs.data() + last).x;
            const float y = max.y - 2.0f;
            draw->AddLine(ImVec2(min.x + lead, y), ImVec2(min.x + lead + inner, y), link_colour,
                          run.link == hovered_link ? 2.0f : 1.0f);
        }
    }
}

} // namespace support::ui
