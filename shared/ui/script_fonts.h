#pragma once
// The Hebrew and Arabic faces (regular and bold), fetched only the first time text in that script
// is drawn. Each Latin face the platform loads gets one more source, merged behind it: a glyph the
// Latin face lacks is taken from the script face of the same weight once that face is here. Until
// then the glyph is a blank of half an em (never a "?" or a box) and the face is noted as wanted,
// so the platform knows what to fetch; when it arrives, the blanks are dropped and drawn again.
//
// The subsets are made with the Latin face's ascent and descent (scripts/lib/subset-fonts), so all
// faces share one scale and one baseline at ImGui's size.

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

struct ImFontAtlas;
struct ImFontConfig;

namespace support::ui {

enum class ScriptFace : std::uint8_t { Hebrew = 0, HebrewBold = 1, Arabic = 2, ArabicBold = 3 };

// The face that draws `code_point` in the given weight, or none for text the Latin face draws.
std::optional<ScriptFace> script_face_for(char32_t code_point, bool bold);

// The name the face is published under (fonts/<name>.<hash>.ttf), e.g. "noto-sans-hebrew-bold".
const char* script_face_name(ScriptFace face);

class ScriptFonts {
  public:
    static constexpr int k_count = 4;

    ScriptFonts();
    ~ScriptFonts();
    ScriptFonts(const ScriptFonts&) = delete;
    ScriptFonts& operator=(const ScriptFonts&) = delete;

    // Merges the script source into the font just added to `atlas` (ImGui merges into the last
    // font added). `bold`: the font is a bold face, and takes the bold script faces.
    void attach_to_last_font(ImFontAtlas& atlas, bool bold);

    // The platform hands over a face (copied), or a failure (empty data): its text then stays
    // blank in that weight, or takes the other weight's glyphs when that one is here.
    void set(ImFontAtlas& atlas, ScriptFace face, const void* data, int size);

    // Faces drawn without their data since the last call, as bits (1 << ScriptFace), each once.
    unsigned take_wanted();

    bool loaded(ScriptFace face) const { return m_faces[index(face)].loaded; }

    // For the font loader (script_fonts.cpp): the loaded source a code point's glyph comes from.
    ImFontConfig* source_for(char32_t code_point, bool bold);

  private:
    static int index(ScriptFace face) { return static_cast<int>(face); }

    struct Face {
        std::vector<unsigned char> data;
        ImFontConfig* source = nullptr; // stb_truetype's view of `data`
        bool loaded = false;
        bool failed = false;
    };

    void forget_glyphs(ImFontAtlas& atlas, ScriptFace face);

    std::array<Face, k_count> m_faces;
    unsigned m_wanted = 0;
    unsigned m_reported = 0;
};

} // namespace support::ui
