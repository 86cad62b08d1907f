// The Hebrew and Arabic faces, with the subsets the build ships (made into the test tree by
// scripts/lib/subset-fonts): fetched on first use, blank (never "?") until they arrive, and
// covering every character of the demo store's help content once Arabic is joined.
#include "shared/ui/script_fonts.h"

#include "shared/core/text/arabic_joining.h"
#include "shared/core/text/unicode_properties.h"
#include "shared/core/text/utf8.h"
#include "tests/ui/headless_imgui.h"

#include "catch_amalgamated.hpp"

#include <imgui.h>
#include <imgui_internal.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>
#include <vector>

using namespace support::ui;
using support::ui::testing::HeadlessImGui;

namespace {

std::vector<char> read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::filesystem::path font_file(const char* stem) {
    return std::filesystem::path(SW_TEST_FONTS_DIR) / (std::string(stem) + ".ttf");
}

constexpr float k_size = 21.8f;

// Adds a Latin face as the widget does: its bytes, then the script source merged behind it.
ImFont* add_latin_face(const char* stem, bool bold, ScriptFonts& scripts) {
    std::vector<char> bytes = read_file(font_file(stem));
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false; // the atlas copies
    ImFont* font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(bytes.data(), static_cast<int>(bytes.size()),
                                                              k_size, &config);
    REQUIRE(font != nullptr);
    scripts.attach_to_last_font(*ImGui::GetIO().Fonts, bold);
    return font;
}

void hand_over(ScriptFonts& scripts, ScriptFace face) {
    const std::vector<char> bytes = read_file(font_file(script_face_name(face)));
    scripts.set(*ImGui::GetIO().Fonts, face, bytes.data(), static_cast<int>(bytes.size()));
}

const ImFontGlyph* glyph_drawn(HeadlessImGui& imgui, ImFont* font, const char* text, ImWchar c) {
    const ImFontGlyph* glyph = nullptr;
    imgui.frame([&] {
        ImGui::PushFont(font, k_size);
        ImGui::TextUnformatted(text);
        glyph = ImGui::GetFontBaked()->FindGlyph(c);
        ImGui::PopFont();
    });
    return glyph;
}

} // namespace

TEST_CASE(
    "Hebrew drawn before its face is here is blank, never a question mark, and asks for the face once") {
    HeadlessImGui imgui;
    ScriptFonts& scripts = imgui.ui().script_fonts();
    ImFont* latin = add_latin_face("noto-sans-latin", false, scripts);

    const ImFontGlyph* shin = glyph_drawn(imgui, latin, "שלום", U'ש');
    REQUIRE(shin != nullptr);
    CHECK_FALSE(shin->Visible);
    CHECK(shin->Codepoint == U'ש'); // its own (blank) glyph, not the fallback "?"
    CHECK(shin->AdvanceX > 0);
    CHECK(scripts.take_wanted() == 1u << static_cast<int>(ScriptFace::Hebrew));
    glyph_drawn(imgui, latin, "שלום", U'ש');
    CHECK(scripts.take_wanted() == 0); // asked once
}

TEST_CASE("Once the Hebrew face arrives, Hebrew is drawn with its glyphs on the Latin baseline") {
    HeadlessImGui imgui;
    ScriptFonts& scripts = imgui.ui().script_fonts();
    ImFont* latin = add_latin_face("noto-sans-latin", false, scripts);
    glyph_drawn(imgui, latin, "שלום", U'ש');
    scripts.take_wanted();
    hand_over(scripts, ScriptFace::Hebrew);
    CHECK(scripts.loaded(ScriptFace::Hebrew));

    const ImFontGlyph* shin = glyph_drawn(imgui, latin, "שלום", U'ש');
    REQUIRE(shin != nullptr);
    CHECK(shin->Visible);
    CHECK(shin->Codepoint == U'ש');
    // The same size as Latin: a Hebrew letter sits between the baseline and the cap height like "x".
    const ImFontGlyph* x = glyph_drawn(imgui, latin, "x", U'x');
    CHECK(shin->Y1 == Catch::Approx(x->Y1).margin(1.5f));
    CHECK(shin->Y1 - shin->Y0 == Catch::Approx(x->Y1 - x->Y0).epsilon(0.35));
    CHECK(scripts.take_wanted() == 0);
}

TEST_CASE("Bold Hebrew asks for the bold face and borrows the regular glyphs until it arrives") {
    HeadlessImGui imgui;
    ScriptFonts& scripts = imgui.ui().script_fonts();
    add_latin_face("noto-sans-latin", false, scripts);
    ImFont* bold = add_latin_face("noto-sans-latin-bold", true, scripts);
    hand_over(scripts, ScriptFace::Hebrew);

    const ImFontGlyph* borrowed = glyph_drawn(imgui, bold, "שלום", U'ש');
    CHECK(borrowed->Visible);
    CHECK(scripts.take_wanted() == 1u << static_cast<int>(ScriptFace::HebrewBold));
    const float regular_width = borrowed->X1 - borrowed->X0;

    hand_over(scripts, ScriptFace::HebrewBold);
    const ImFontGlyph* own = glyph_drawn(imgui, bold, "שלום", U'ש');
    CHECK(own->Visible);
    CHECK(own->X1 - own->X0 != Catch::Approx(regular_width).margin(0.01f)); // the bold glyph is another shape
}

TEST_CASE("A face that cannot be fetched is not asked for again and its text stays blank") {
    HeadlessImGui imgui;
    ScriptFonts& scripts = imgui.ui().script_fonts();
    ImFont* latin = add_latin_face("noto-sans-latin", false, scripts);
    glyph_drawn(imgui, latin, "سلام", U'س');
    CHECK(scripts.take_wanted() == 1u << static_cast<int>(ScriptFace::Arabic));
    scripts.set(*ImGui::GetIO().Fonts, ScriptFace::Arabic, nullptr, 0);
    CHECK_FALSE(scripts.loaded(ScriptFace::Arabic));
    const ImFontGlyph* seen = glyph_drawn(imgui, latin, "سلام", U'س');
    CHECK_FALSE(seen->Visible);
    CHECK(scripts.take_wanted() == 0);
    // Garbage instead of a font file is a failure too, not a crash.
    const char garbage[] = "not a font";
    scripts.set(*ImGui::GetIO().Fonts, ScriptFace::Hebrew, garbage, sizeof garbage);
    CHECK_FALSE(scripts.loaded(ScriptFace::Hebrew));
}

TEST_CASE("Every character of the demo help content has a glyph in the face that draws it") {
    HeadlessImGui imgui;
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    std::vector<std::vector<char>> keep;
    auto load = [&](const char* stem) {
        keep.push_back(read_file(font_file(stem)));
        ImFontConfig config;
        config.FontDataOwnedByAtlas = false;
        return atlas.AddFontFromMemoryTTF(keep.back().data(), static_cast<int>(keep.back().size()), k_size,
                                          &config);
    };
    ImFont* latin = load("noto-sans-latin");
    ImFont* latin_bold = load("noto-sans-latin-bold");
    ImFont* faces[ScriptFonts::k_count] = {};
    for (int face = 0; face < ScriptFonts::k_count; ++face)
        faces[face] = load(script_face_name(static_cast<ScriptFace>(face)));

    std::set<std::string> missing;
    std::size_t checked = 0;
    auto check_text = [&](const std::string& utf8, const std::string& where) {
        std::u32string text;
        for (std::size_t i = 0; i < utf8.size();) {
            const auto decoded = support::text::decode_utf8(utf8, i);
            text.push_back(decoded.value);
            i += decoded.length;
        }
        for (const char32_t c : support::text::shape_arabic(text)) {
            if (c < 0x20 || c == support::text::k_ligature_continuation ||
                support::text::is_default_ignorable(c))
                continue;
            for (const bool bold : {false, true}) {
                const auto face = script_face_for(c, bold);
                ImFont* font = face ? faces[static_cast<int>(*face)] : (bold ? latin_bold : latin);
                ++checked;
                if (!font->IsGlyphInFont(static_cast<ImWchar>(c))) {
                    char hex[16];
                    std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(c));
                    missing.insert(std::string(hex) + (bold ? " bold" : "") + " in " + where);
                }
            }
        }
    };
    std::function<void(const nlohmann::json&, const std::string&)> walk = [&](const nlohmann::json& value,
                                                                              const std::string& where) {
        if (value.is_string())
            check_text(value.get<std::string>(), where);
        else if (value.is_structured())
            for (const auto& item : value)
                walk(item, where);
    };
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(SW_DEMO_HELP_DIR)) {
        if (entry.path().extension() != ".json")
            continue;
        std::ifstream in(entry.path());
        walk(nlohmann::json::parse(in), entry.path().filename().string());
        ++files;
    }
    CHECK(files > 100);
    CHECK(checked > 100000);
    std::string list;
    for (const auto& m : missing)
        list += m + "\n";
    INFO(list);
    CHECK(missing.empty());
}
