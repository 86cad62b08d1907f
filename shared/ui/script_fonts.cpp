#include "shared/ui/script_fonts.h"

#include "shared/ui/ui_context.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <cstring>
#include <span>
#include <utility>

namespace support::ui {
namespace {

struct CodePointRange {
    char32_t first;
    char32_t last;
};

constexpr CodePointRange k_hebrew[] = {{0x0590, 0x05FF}, {0xFB1D, 0xFB4F}};
constexpr CodePointRange k_arabic[] = {
    {0x0600, 0x06FF}, {0x0750, 0x077F}, {0x08A0, 0x08FF}, {0xFB50, 0xFDFF}, {0xFE70, 0xFEFF}};

bool in(std::span<const CodePointRange> ranges, char32_t c) {
    for (const auto& range : ranges)
        if (c >= range.first && c <= range.last)
            return true;
    return false;
}

std::span<const CodePointRange> ranges_of(ScriptFace face) {
    return face == ScriptFace::Hebrew || face == ScriptFace::HebrewBold
               ? std::span<const CodePointRange>(k_hebrew)
               : std::span<const CodePointRange>(k_arabic);
}

constexpr unsigned k_bold_flag = 1;

// --- the source merged behind every Latin face: an ImFontLoader over the script faces ---

bool source_init(ImFontAtlas*, ImFontConfig*) {
    return true;
}

bool source_contains_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImWchar c) {
    ImFontConfig* face =
        current_context().script_fonts().source_for(c, (src->FontLoaderFlags & k_bold_flag) != 0);
    return face && ImFontAtlasGetFontLoaderForStbTruetype()->FontSrcContainsGlyph(atlas, face, c);
}

bool baked_load_glyph(ImFontAtlas* atlas, ImFontConfig* src, ImFontBaked* baked, void*, ImWchar c,
                      ImFontGlyph* out_glyph, float* out_advance_x) {
    const bool bold = (src->FontLoaderFlags & k_bold_flag) != 0;
    const std::optional<ScriptFace> face = script_face_for(c, bold);
    if (!face)
        return false;
    ScriptFonts& fonts = current_context().script_fonts();
    if (ImFontConfig* loaded = fonts.source_for(c, bold))
        return ImFontAtlasGetFontLoaderForStbTruetype()->FontBakedLoadGlyph(atlas, loaded, baked, nullptr, c,
                                                                            out_glyph, out_advance_x);
    // Not here yet (source_for noted it as wanted): a blank until it is.
    const float advance = baked->Size * 0.5f;
    if (out_advance_x) {
        *out_advance_x = advance;
        return true;
    }
    out_glyph->Codepoint = c;
    out_glyph->AdvanceX = advance;
    out_glyph->Visible = false;
    return true;
}

const ImFontLoader& script_loader() {
    static const ImFontLoader loader = [] {
        ImFontLoader l;
        l.Name = "script faces";
        l.FontSrcInit = source_init;
        l.FontSrcContainsGlyph = source_contains_glyph;
        l.FontBakedLoadGlyph = baked_load_glyph;
        return l;
    }();
    return loader;
}

} // namespace

std::optional<ScriptFace> script_face_for(char32_t c, bool bold) {
    if (c < 0x0590)
        return std::nullopt;
    if (in(k_hebrew, c))
        return bold ? ScriptFace::HebrewBold : ScriptFace::Hebrew;
    if (in(k_arabic, c))
        return bold ? ScriptFace::ArabicBold : ScriptFace::Arabic;
    return std::nullopt;
}

const char* script_face_name(ScriptFace face) {
    switch (face) {
    case ScriptFace::Hebrew:
        return "noto-sans-hebrew";
    case ScriptFace::HebrewBold:
        return "noto-sans-hebrew-bold";
    case ScriptFace::Arabic:
        return "noto-sans-arabic";
    case ScriptFace::ArabicBold:
        return "noto-sans-arabic-bold";
    }
    return "";
}

ScriptFonts::ScriptFonts() = default;

ScriptFonts::~ScriptFonts() {
    for (Face& face : m_faces) {
        if (face.source) {
            ImFontAtlasGetFontLoaderForStbTruetype()->FontSrcDestroy(nullptr, face.source);
            delete face.source;
        }
    }
}

void ScriptFonts::attach_to_last_font(ImFontAtlas& atlas, bool bold) {
    ImFontConfig config;
    config.MergeMode = true;
    config.FontLoader = &script_loader();
    config.FontLoaderFlags = bold ? k_bold_flag : 0;
    config.FontDataOwnedByAtlas = true; // there is no data: nothing for the atlas to copy
    std::strncpy(config.Name, "script faces", sizeof(config.Name) - 1);
    atlas.AddFont(&config);
}

ImFontConfig* ScriptFonts::source_for(char32_t code_point, bool bold) {
    const std::optional<ScriptFace> wanted = script_face_for(code_point, bold);
    if (!wanted)
        return nullptr;
    Face& face = m_faces[index(*wanted)];
    if (face.loaded)
        return face.source;
    if (!face.failed && !(m_reported & (1u << index(*wanted))))
        m_wanted |= 1u << index(*wanted);
    // Bold text takes the regular face's glyphs while (or if) its own is not here.
    if (bold)
        if (const auto regular = script_face_for(code_point, false);
            regular && m_faces[index(*regular)].loaded)
            return m_faces[index(*regular)].source;
    return nullptr;
}

void ScriptFonts::set(ImFontAtlas& atlas, ScriptFace which, const void* data, int size) {
    Face& face = m_faces[index(which)];
    m_reported |= 1u << index(which);
    m_wanted &= ~(1u << index(which));
    if (face.loaded)
        return;
    if (!data || size <= 0 || atlas.Fonts.empty()) {
        face.failed = true;
        return;
    }
    face.data.assign(static_cast<const unsigned char*>(data), static_cast<const unsigned char*>(data) + size);
    auto* source = new ImFontConfig();
    source->FontData = face.data.data();
    source->FontDataSize = size;
    source->FontDataOwnedByAtlas = false;
    source->MergeMode = true;
    source->DstFont = atlas.Fonts[0]; // for the reference size only: every face has the same
    if (!ImFontAtlasGetFontLoaderForStbTruetype()->FontSrcInit(&atlas, source)) {
        delete source;
        face.data.clear();
        face.failed = true;
        return;
    }
    face.source = source;
    face.loaded = true;
    forget_glyphs(atlas, which);
    if (which == ScriptFace::Hebrew || which == ScriptFace::Arabic) // bold text may have borrowed from it
        forget_glyphs(atlas, static_cast<ScriptFace>(index(which) + 1));
}

void ScriptFonts::forget_glyphs(ImFontAtlas& atlas, ScriptFace face) {
    // Every size baked so far of every font of this weight looks its script's glyphs up again: the
    // blanks (or borrowed glyphs) are left unreferenced in the baked font and replaced on use.
    ImFontAtlasBuilder* builder = atlas.Builder;
    if (!builder)
        return;
    const bool bold = face == ScriptFace::HebrewBold || face == ScriptFace::ArabicBold;
    for (int n = 0; n < builder->BakedPool.Size; ++n) {
        ImFontBaked& baked = builder->BakedPool[n];
        if (baked.WantDestroy || !baked.ContainerFont)
            continue;
        bool weight_matches = false;
        for (const ImFontConfig* src : baked.ContainerFont->Sources)
            if (src->FontLoader == &script_loader())
                weight_matches = ((src->FontLoaderFlags & k_bold_flag) != 0) == bold;
        if (!weight_matches)
            continue;
        for (const CodePointRange& range : ranges_of(face)) {
            for (char32_t c = range.first; c <= range.last; ++c) {
                if (c < static_cast<char32_t>(baked.IndexLookup.Size))
                    baked.IndexLookup[static_cast<int>(c)] =
                        static_cast<ImU16>(-1); // unused: load on next use
                if (c < static_cast<char32_t>(baked.IndexAdvanceX.Size))
                    baked.IndexAdvanceX[static_cast<int>(c)] = -1.0f;
            }
        }
    }
}

unsigned ScriptFonts::take_wanted() {
    const unsigned wanted = m_wanted;
    m_reported |= wanted;
    m_wanted = 0;
    return wanted;
}

} // namespace support::ui
