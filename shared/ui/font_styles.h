#pragma once
// The typefaces rich text draws with: regular (ImGui's default font), bold, italic and bold italic.
// The styled faces are optional and may arrive late (the platform fetches them only once a view
// draws text in that style): until a face is there, its text is drawn in the regular face, and
// the style is noted as wanted so the platform knows what to fetch.

#include <cstdint>

struct ImFont;

namespace support::ui {

enum class FontStyle : std::uint8_t { Regular = 0, Bold = 1, Italic = 2, BoldItalic = 3 };

constexpr FontStyle font_style(bool bold, bool italic) {
    return static_cast<FontStyle>((bold ? 1 : 0) | (italic ? 2 : 0));
}

class StyleFonts {
  public:
    static constexpr int k_count = 4;

    // The platform hands over a loaded face (nullptr: the face could not be loaded; its text stays
    // in the regular face and the style is no longer wanted).
    void set(FontStyle style, ImFont* font);
    // The face to draw a style with; nullptr means ImGui's current font. Notes the style as wanted
    // when it has no face yet.
    ImFont* get(FontStyle style);
    bool has(FontStyle style) const { return m_fonts[index(style)] != nullptr; }

    // Styles drawn without their face since the last call, as bits (1 << FontStyle), each reported
    // once; the platform fetches them.
    unsigned take_wanted();

  private:
    static int index(FontStyle style) { return static_cast<int>(style); }

    ImFont* m_fonts[k_count] = {};
    unsigned m_wanted = 0;
    unsigned m_reported = 0; // wanted styles already handed to the platform, or given up on
};

} // namespace support::ui
