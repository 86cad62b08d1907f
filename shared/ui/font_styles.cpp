#include "shared/ui/font_styles.h"

namespace support::ui {

void StyleFonts::set(FontStyle style, ImFont* font) {
    m_fonts[index(style)] = font;
    m_reported |= 1u << index(style);
    m_wanted &= ~(1u << index(style));
}

ImFont* StyleFonts::get(FontStyle style) {
    if (style == FontStyle::Regular)
        return nullptr;
    ImFont* font = m_fonts[index(style)];
    if (!font && !(m_reported & (1u << index(style))))
        m_wanted |= 1u << index(style);
    return font;
}

unsigned StyleFonts::take_wanted() {
    const unsigned wanted = m_wanted;
    m_reported |= wanted;
    m_wanted = 0;
    return wanted;
}

} // namespace support::ui
