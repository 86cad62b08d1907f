#pragma once
// Dear ImGui platform backend for a canvas inside the loader's panel (html5.h + web_library.js).
//
// Supports:
//  [x] Pointer: mouse and pen through Pointer Events (ImGuiMouseSource set per event); touch as
//      gestures (ui::TouchScrolling: a tap clicks, a drag scrolls the list under it, a fling coasts).
//  [x] Wheel, in lines or pixels.
//  [x] Keys ImGui needs beyond native inputs: Escape, Enter, Tab, arrows, Home, End; and the letters
//      apps use as shortcuts (J K R I T, without modifiers, never while a text field has focus).
//  [x] HiDPI: display size in CSS pixels, framebuffer scale = devicePixelRatio, re-read on change.
//  [ ] Text entry: deliberately not here. Native <input> elements over text fields own typing,
//      IME, paste and the phone keyboard (shared/ui text_field + the ARIA mirror).
//  [ ] Clipboard, cursors, gamepads: not needed by the panel yet.

namespace support::web::platform {

struct Display {
    float css_width = 0;
    float css_height = 0;
    float pixel_ratio = 1;

    int framebuffer_width() const { return static_cast<int>(css_width * pixel_ratio + 0.5f); }
    int framebuffer_height() const { return static_cast<int>(css_height * pixel_ratio + 0.5f); }
    bool empty() const { return css_width < 1 || css_height < 1; }
};

enum class PointerKind { Move = 0, Down = 1, Up = 2, Leave = 3, Cancel = 4 };
enum class KeyCode { None = 0, Escape, Enter, Tab, Up, Down, Left, Right, Home, End, J, K, R, I, T };

void init();
void new_frame(const Display& display, double time_ms);
// `time_ms`: the event's time on the clock frames are drawn with (performance.now()).
void on_pointer(PointerKind kind, float x, float y, int button, int source, double time_ms);
void on_wheel(float dx, float dy);
void on_key(KeyCode key, bool down);

} // namespace support::web::platform
