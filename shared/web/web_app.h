#pragma once
// Runs an app drawn with Dear ImGui and shared/ui inside the loader's panel: mounts the canvas,
// mirror and listeners, creates the WebGL2 renderer, and draws frames only on demand.
//
//   int main() {
//       static WidgetApp app;
//       support::web::run(app);   // returns at once; events drive everything after
//   }

#include "shared/ui/ui_context.h"

#include <cstdint>
#include <string>

namespace support::web {

class WebApp {
  public:
    virtual ~WebApp() = default;

    // Called once when the module has mounted, before any frame and whether or not the panel is
    // open (a guide in progress continues on a new page without the shopper opening it).
    virtual void on_loaded() {}
    // Called once, after Dear ImGui and the font are ready, before the first frame.
    virtual void start() {}
    // Draws one frame inside a window that fills the canvas, with shared/ui's current context set.
    virtual void draw() = 0;
    // The loader showed or hid the panel.
    virtual void on_open_changed(bool open) { (void)open; }
    // A command from the site's page, through the loader (SupportWidget('startGuide', id)): its
    // name and its argument as a string. Returns false for a command the app does not know.
    virtual bool on_command(const std::string& name, const std::string& argument) {
        (void)name;
        (void)argument;
        return false;
    }
    // A small JSON object for SupportWidget('debug') and tests (no personal data).
    virtual std::string debug_state_json() const { return "{}"; }
};

// Starts the app. Call once from main().
void run(WebApp& app);

// For apps: ask the loader to close the panel. Close and Escape give focus back to the launcher;
// KeepFocus leaves it where the app put it (on a guide's callout on the page).
enum class AfterClose : std::uint8_t { FocusLauncher, KeepFocus };
void request_close(AfterClose after = AfterClose::FocusLauncher);
// For apps: the panel opened or closed because the shopper did so in another tab; focus stays
// where it is (the loader announces nothing and moves nothing).
void request_open_state(bool open);
// For apps: the launcher shows `count` unread messages (0: no badge) and is named `label` for
// assistive technology ("Help, 2 new messages").
void set_unread(int count, const std::string& label);
// The page's SupportWidget('on', event, fn) listeners hear `event` with `detail_json` parsed (the
// loader calls them after the frame: "message", "feedback").
void emit_page_event(const char* event, const std::string& detail_json);
// For apps that own their page (the console): the page's title, where a browser tab shows it.
void set_page_title(const std::string& title);
// For apps: a string from the loader's configuration (data-* attributes), or fallback.
std::string config_string(const char* key, const std::string& fallback);
// For apps: the page's viewport width in CSS pixels (≤ 480: a phone-sized sheet).
int viewport_width();
// For apps: the client's clock, milliseconds since the Unix epoch (Date.now()).
std::int64_t now_ms();
// For apps: draw again after `ms` even if nothing else happens (a debounce settling). One timer
// at a time: a later call replaces an earlier one.
void request_frame_after(int ms);
// For apps: opens a link from help content — a page of this site in the host page, another site in
// a new tab with no access back (noopener); anything but http(s), mailto and tel is ignored.
void open_link(const std::string& href);
// For apps: the URL of a file published beside the fonts under their one hash
// ("messages/he.json" → …/messages/he.<hash>.json), or "" when there is none.
std::string asset_url(const std::string& relative);
// For apps: the UI's direction and language, given to the panel's DOM (dir and lang), so the
// ARIA mirror, the native text inputs and the loader's own messages read the same way.
void set_text_direction(bool right_to_left);
// For apps: something changed outside a frame (a response arrived): draw a few frames.
void request_frames();

} // namespace support::web
