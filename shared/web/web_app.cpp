#include "shared/web/web_app.h"

#include "shared/ui/frame_budget.h"
#include "shared/ui/panel_frame.h"
#include "shared/web/js_bridge.h"
#include "shared/web/web_platform.h"
#include "shared/web/webgl_renderer.h"

#include <emscripten/emscripten.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace support::web {

namespace {

// The one app of this module and what runs it; the exported entry points below reach it here.
struct Runner {
    WebApp* app = nullptr;
    ui::UiContext ui;
    ui::FrameBudget budget;
    WebGlRenderer renderer;
    platform::Display display;
    bool font_ready = false;
    bool started = false;
    bool open = false;
};

Runner g_runner;

void wake() {
    g_runner.budget.request();
    sw_web_request_frame();
}

// Dear ImGui sizes a font by its line height (ascent − descent), CSS by its em. Noto Sans spans
// 1.362 em (ascender 1069, descender −293 per 1000), so 16 CSS px of text is 21.8 ImGui px.
constexpr float k_body_font_px = 16.0f * 1.362f;

bool input_pending() {
    return ImGui::GetCurrentContext()->InputEventsQueue.Size > 0;
}

bool draw_frame(double time_ms) {
    Runner& r = g_runner;
    if (!r.font_ready || r.display.empty() || !r.open)
        return false;
    if (!r.started) {
        r.started = true;
        r.app->start();
    }
    platform::new_frame(r.display, time_ms);
    r.ui.set_frame_time(time_ms);
    r.renderer.new_frame();
    const bool semantics_changed = ui::draw_panel_frame(r.ui, [&] { r.app->draw(); });
    r.renderer.render(r.display.framebuffer_width(), r.display.framebuffer_height());
    if (const char* unbalanced = r.ui.take_unbalanced_stack())
        sw_web_console_error(
            (std::string("a frame left Dear ImGui's stacks unbalanced: ") + unbalanced).c_str());

    if (semantics_changed)
        sw_web_sync_mirror(r.ui.tree().to_json().c_str());
    if (const ui::NodeId focus = r.ui.take_focus_request(); focus != 0)
        sw_web_focus_node(focus);
    // Bold and italic faces are fetched the first time a view draws text in them.
    for (unsigned wanted = r.ui.style_fonts().take_wanted(), style = 1; style < 4; ++style)
        if (wanted & (1u << style))
            sw_web_fetch_style_font(static_cast<int>(style));
    // Hebrew and Arabic faces, the first time text in their script is drawn.
    for (unsigned wanted = r.ui.script_fonts().take_wanted(), face = 0; face < ui::ScriptFonts::k_count;
         ++face)
        if (wanted & (1u << face))
            sw_web_fetch_script_font(static_cast<int>(face),
                                     ui::script_face_name(static_cast<ui::ScriptFace>(face)));
    r.budget.frame_drawn(semantics_changed || input_pending() || r.ui.touch_scrolling().animating());
    return r.budget.wants_frame();
}

} // namespace

void run(WebApp& app) {
    g_runner.app = &app;
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ui::set_current_context(&g_runner.ui);
    platform::init();
    sw_web_mount();
    // Before the renderer: what the app does off-screen (a guide on the page) needs no WebGL.
    app.on_loaded();
    if (!g_runner.renderer.init()) {
        std::fputs("support widget: WebGL2 is not available in this browser\n", stderr);
        return;
    }
    sw_web_fetch_font();
}

void set_page_title(const std::string& title) {
    sw_web_set_title(title.c_str());
}

void set_unread(int count, const std::string& label) {
    sw_web_set_unread(count, label.c_str());
}

void emit_page_event(const char* event, const std::string& detail_json) {
    sw_web_emit(event, detail_json.c_str());
}

void request_close(AfterClose after) {
    sw_web_request_close(after == AfterClose::FocusLauncher ? 1 : 0);
}

void request_open_state(bool open) {
    sw_web_request_open(open ? 1 : 0);
}

std::string config_string(const char* key, const std::string& fallback) {
    char* value = sw_web_config_string(key);
    if (!value)
        return fallback;
    std::string out(value);
    std::free(value);
    return out.empty() ? fallback : out;
}

int viewport_width() {
    return sw_web_viewport_width();
}

std::int64_t now_ms() {
    return static_cast<std::int64_t>(sw_web_now_ms());
}

void request_frame_after(int ms) {
    sw_web_request_frame_after(ms);
}

std::string asset_url(const std::string& relative) {
    char* url = sw_web_asset_url(relative.c_str());
    if (!url)
        return {};
    std::string out(url);
    std::free(url);
    return out;
}

void set_text_direction(bool right_to_left) {
    sw_web_set_direction(right_to_left ? 1 : 0);
}

void open_link(const std::string& href) {
    sw_web_open_link(href.c_str());
}

void request_frames() {
    wake();
}

} // namespace support::web

// Entry points web_library.js calls. Each input becomes an ImGui event or a shared/ui input, then
// asks for a few frames; nothing is drawn otherwise.
extern "C" {

EMSCRIPTEN_KEEPALIVE int sw_web_frame(double time_ms) {
    return support::web::draw_frame(time_ms) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE double sw_web_frames_drawn() {
    return static_cast<double>(support::web::g_runner.budget.frames_drawn());
}

EMSCRIPTEN_KEEPALIVE const char* sw_web_debug_state() {
    static std::string state;
    // What frames draw is recorded from the first request on; the next frame has it.
    if (support::ui::UiContext& ui = support::web::g_runner.ui; !ui.recording()) {
        ui.set_recording(true);
        support::web::wake();
    }
    state = support::web::g_runner.app ? support::web::g_runner.app->debug_state_json() : "{}";
    return state.c_str();
}

EMSCRIPTEN_KEEPALIVE void sw_web_on_pointer(int kind, float x, float y, int button, int source,
                                            double time_ms) {
    support::web::platform::on_pointer(static_cast<support::web::platform::PointerKind>(kind), x, y, button,
                                       source, time_ms);
    support::web::wake();
}

EMSCRIPTEN_KEEPALIVE void sw_web_on_wheel(float dx, float dy) {
    support::web::platform::on_wheel(dx, dy);
    support::web::wake();
}

EMSCRIPTEN_KEEPALIVE void sw_web_on_key(int code, int down) {
    support::web::platform::on_key(static_cast<support::web::platform::KeyCode>(code), down != 0);
    support::web::wake();
}

EMSCRIPTEN_KEEPALIVE void sw_web_on_resize(float css_width, float css_height, float pixel_ratio) {
    support::web::g_runner.display = {css_width, css_height, pixel_ratio > 0 ? pixel_ratio : 1.0f};
    support::web::wake();
}

EMSCRIPTEN_KEEPALIVE void sw_web_on_focus(std::uint32_t id, int focus_visible) {
    support::web::g_runner.ui.set_focus(id, focus_visible ? support::ui::FocusVisibility::Visible
                                                          : support::ui::FocusVisibility::Hidden);
    support::web::wake();
}

EMSCRIPTEN_KEEPALIVE void sw_web_on_activate(std::uint32_t id) {
    support::web::g_runner.ui.activate(id);
    support::web::wake();
}

EMSCRIPTEN_KEEPALIVE void sw_web_on_text(std::uint32_t id, const char* utf8) {
    support::web::g_runner.ui.set_text(id, utf8 ? utf8 : "");
    support::web::wake();
}

EMSCRIPTEN_KEEPALIVE void sw_web_on_open(int open) {
    auto& r = support::web::g_runner;
    r.open = open != 0;
    if (r.app)
        r.app->on_open_changed(r.open);
    support::web::wake();
}

EMSCRIPTEN_KEEPALIVE int sw_web_on_command(const char* name, const char* argument) {
    auto& r = support::web::g_runner;
    const bool known = r.app && r.app->on_command(name ? name : "", argument ? argument : "");
    support::web::wake();
    return known ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void sw_web_on_timer() {
    support::web::wake();
}

EMSCRIPTEN_KEEPALIVE void sw_web_on_style_font(int style, void* data, int size) {
    ImFont* font = nullptr;
    if (data && size > 0 && style > 0 && style < support::ui::StyleFonts::k_count) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = true; // malloc'd by web_library.js; the atlas frees it
        font = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, size, support::web::k_body_font_px, &config);
        if (font)
            support::web::g_runner.ui.script_fonts().attach_to_last_font(*ImGui::GetIO().Fonts,
                                                                         (style & 1) != 0);
    }
    if (style > 0 && style < support::ui::StyleFonts::k_count)
        support::web::g_runner.ui.style_fonts().set(static_cast<support::ui::FontStyle>(style), font);
    support::web::wake();
}

// The shopper's prefers-reduced-motion, at start and whenever it changes.
EMSCRIPTEN_KEEPALIVE void sw_web_on_reduced_motion(int reduce) {
    support::web::g_runner.ui.touch_scrolling().set_reduced_motion(reduce != 0);
}

// A Hebrew or Arabic face, or a failure (null): malloc'd by web_library.js, copied, freed here.
EMSCRIPTEN_KEEPALIVE void sw_web_on_script_font(int face, void* data, int size) {
    if (face >= 0 && face < support::ui::ScriptFonts::k_count)
        support::web::g_runner.ui.script_fonts().set(*ImGui::GetIO().Fonts,
                                                     static_cast<support::ui::ScriptFace>(face), data, size);
    std::free(data);
    support::web::wake();
}

// Retry pressed after the font could not be loaded.
EMSCRIPTEN_KEEPALIVE void sw_web_on_font_retry() {
    sw_web_fetch_font();
}

EMSCRIPTEN_KEEPALIVE void sw_web_on_font(void* data, int size) {
    ImGuiIO& io = ImGui::GetIO();
    ImFont* font = nullptr;
    if (data && size > 0) {
        ImFontConfig config;
        config.FontDataOwnedByAtlas = true; // malloc'd by web_library.js; the atlas frees it
        font = io.Fonts->AddFontFromMemoryTTF(data, size, support::web::k_body_font_px, &config);
    }
    // Without its font the panel cannot draw a word: it says so, with Retry (web_library.js).
    if (!font) {
        sw_web_font_failed();
        return;
    }
    support::web::g_runner.ui.script_fonts().attach_to_last_font(*io.Fonts, false);
    io.FontDefault = font;
    ImGui::GetStyle().FontSizeBase = support::web::k_body_font_px;
    support::web::g_runner.font_ready = true;
    support::web::wake();
}

} // extern "C"
