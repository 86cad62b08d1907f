#include "shared/ui/text_layout.h"

#include "shared/core/text/utf8.h"

#include "shared/ui/ui_context.h"

#include <imgui.h>

#include <algorithm>
#include <cfloat>

namespace support::ui {

namespace {

bool is_break_space(char c) {
    return c == ' ' || c == '\t';
}

// A piece of a run with no break opportunity inside, and the spaces after it.
struct Token {
    std::uint32_t run = 0;
    std::uint32_t begin = 0, end = 0; // including trailing spaces
    float width = 0;                  // including trailing spaces
    float space_width = 0;            // of the trailing spaces alone
    bool ends_word = false;           // it ends in spaces: a line may break after it
    bool ends_line = false;           // a '\n' follows it
};

class LineBreaker {
  public:
    LineBreaker(std::span<const TextRun> runs, float wrap_width, float line_height,
                const MeasureText& measure)
        : m_runs(runs), m_wrap(std::max(wrap_width, 1.0f)), m_measure(measure) {
        m_layout.line_height = line_height;
    }

    TextLayout run() {
        std::vector<Token> word;
        for (std::uint32_t r = 0; r < m_runs.size(); ++r) {
            const std::string_view text = m_runs[r].text;
            std::size_t i = 0;
            while (i < text.size()) {
                Token token;
                token.run = r;
                token.begin = static_cast<std::uint32_t>(i);
                while (i < text.size() && !is_break_space(text[i]) && text[i] != '\n')
                    ++i;
                const std::size_t word_end = i;
                while (i < text.size() && is_break_space(text[i]))
                    ++i;
                token.end = static_cast<std::uint32_t>(i);
                token.ends_word = i > word_end;
                if (i < text.size() && text[i] == '\n') {
                    token.ends_line = true;
                    ++i;
                }
                token.width = measure(r, token.begin, token.end);
                token.space_width = token.ends_word ? measure(r, word_end, token.end) : 0;
                if (token.end > token.begin || token.ends_line)
                    word.push_back(token);
                if (token.ends_word || token.ends_line) {
                    place_word(word);
                    word.clear();
                }
            }
        }
        place_word(word);
        m_layout.lines = m_layout.fragments.empty() ? 0 : m_layout.fragments.back().line + 1;
        return std::move(m_layout);
    }

  private:
    float measure(std::uint32_t run, std::size_t begin, std::size_t end) const {
        if (end <= begin)
            return 0;
        return m_measure(m_runs[run].style, m_runs[run].text.substr(begin, end - begin));
    }

    void new_line() {
        ++m_line;
        m_x = 0;
    }

    // `trailing_space` is the width of the spaces ending the piece: they do not count towards the
    // line's width.
    void emit(std::uint32_t run, std::uint32_t begin, std::uint32_t end, float width, float trailing_space) {
        if (end <= begin)
            return;
        m_layout.width = std::max(m_layout.width, m_x + width - trailing_space);
        if (!m_layout.fragments.empty()) {
            PlacedFragment& last = m_layout.fragments.back();
            if (last.run == run && last.line == m_line && last.end == begin) {
                last.end = end;
                last.width += width;
                m_x += width;
                return;
            }
        }
        m_layout.fragments.push_back(PlacedFragment{run, begin, end, m_line, m_x, width});
        m_x += width;
    }

    void place_word(const std::vector<Token>& word) {
        if (word.empty())
            return;
        float full = 0;
        for (const Token& token : word)
            full += token.width;
        const float fit = full - word.back().space_width;
        if (m_x > 0 && m_x + fit > m_wrap)
            new_line();
        if (fit > m_wrap) {
            for (const Token& token : word)
                place_by_character(token);
        } else {
            for (const Token& token : word)
                emit(token.run, token.begin, token.end, token.width, token.space_width);
        }
        if (word.back().ends_line)
            new_line();
    }

    // A word wider than the line: as many whole characters on each line as fit.
    void place_by_character(const Token& token) {
        const std::string_view text = m_runs[token.run].text;
        std::uint32_t start = token.begin;
        float width = 0;
        std::uint32_t i = token.begin;
        while (i < token.end) {
            const auto next = static_cast<std::uint32_t>(
                std::min<std::size_t>(token.end, i + support::text::decode_utf8(text, i).length));
            const float w = measure(token.run, i, next);
            if (m_x + width + w > m_wrap && !is_break_space(text[i]) && (m_x > 0 || width > 0)) {
                emit(token.run, start, i, width, 0);
                new_line();
                start = i;
                width = 0;
            }
            width += w;
            i = next;
        }
        emit(token.run, start, token.end, width, token.space_width);
    }

    std::span<const TextRun> m_runs;
    float m_wrap;
    const MeasureText& m_measure;
    TextLayout m_layout;
    int m_line = 0;
    float m_x = 0;
};

ImU32 or_default(std::uint32_t colour, ImGuiCol fallback) {
    return colour != 0 ? colour : ImGui::GetColorU32(fallback);
}

} // namespace

TextLayout lay_out_text(std::span<const TextRun> runs, float wrap_width, float line_height,
                        const MeasureText& measure) {
    return LineBreaker(runs, wrap_width, line_height, measure).run();
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
    return lay_out_text(runs, wrap_width, size, measure);
}

void draw_text_layout(const TextLayout& layout, std::span<const TextRun> runs, const ImVec2& origin,
                      const TextColours& colours, int hovered_link) {
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
        const ImU32 colour = run.link >= 0 ? link_colour : text_colour;
        const char* begin = run.text.data() + fragment.begin;
        // Trailing spaces need no glyphs, and an underline under them would run into the next word.
        const char* end = run.text.data() + fragment.end;
        while (end > begin && is_break_space(end[-1]))
            --end;
        draw->AddText(font ? font : ImGui::GetFont(), size, min, colour, begin, end);
        if (run.link >= 0) {
            const float underline_width =
                (font ? font : ImGui::GetFont())->CalcTextSizeA(size, FLT_MAX, 0.0f, begin, end).x;
            const float y = max.y - 2.0f;
            draw->AddLine(ImVec2(min.x, y), ImVec2(min.x + underline_width, y), link_colour,
                          run.link == hovered_link ? 2.0f : 1.0f);
        }
    }
}

} // namespace support::ui
