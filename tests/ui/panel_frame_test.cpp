#include "catch_amalgamated.hpp"
#include "shared/ui/controls.h"
#include "shared/ui/panel_frame.h"
#include "tests/ui/headless_imgui.h"

#include <imgui.h>

using namespace support::ui;
using support::ui::testing::HeadlessImGui;

// Dear ImGui's error recovery is compiled out of the cores; what it would have unwound is reported.

TEST_CASE("a frame that pushes and pops what it uses reports nothing", "[ui][panel_frame]") {
    HeadlessImGui h;
    CHECK_NOTHROW(h.frame([] {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(1, 2, 3, 255));
        ImGui::PushID("row");
        button("Send");
        ImGui::PopID();
        ImGui::PopStyleColor();
    }));
}

TEST_CASE("a frame that leaves a style colour pushed is reported by name", "[ui][panel_frame]") {
    UiContext context;
    ImGuiContext* imgui = ImGui::CreateContext();
    ImGui::GetIO().DisplaySize = ImVec2(380, 600);
    ImGui::GetIO().BackendFlags |= ImGuiBackendFlags_RendererHasTextures;
    ImGui::GetIO().Fonts->AddFontDefault();
    set_current_context(&context);
    draw_panel_frame(context, [] { ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(1, 2, 3, 255)); });
    const char* unbalanced = context.take_unbalanced_stack();
    REQUIRE(unbalanced != nullptr);
    CHECK(std::string(unbalanced) == "PushStyleColor without PopStyleColor");
    CHECK(context.take_unbalanced_stack() == nullptr); // taken once
    set_current_context(nullptr);
    ImGui::DestroyContext(imgui);
}

TEST_CASE("the headless test frame fails a test whose drawing leaves an ID pushed", "[ui][panel_frame]") {
    HeadlessImGui h;
    CHECK_THROWS_WITH(h.frame([] { ImGui::PushID("forgotten"); }),
                      Catch::Matchers::ContainsSubstring("PushID without PopID"));
}
