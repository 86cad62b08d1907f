#pragma once
// The functions web_library.js implements, as C++ sees them. Only shared/web includes this.

#include <cstdint>

extern "C" {
void sw_web_mount();
void sw_web_request_frame();
void sw_web_console_error(const char* message); // a bug of ours, for the page's console
void sw_web_sync_mirror(const char* json);
void sw_web_focus_node(std::uint32_t id);
void sw_web_request_close(int focus_launcher);
void sw_web_set_unread(int count, const char* label);
void sw_web_set_title(const char* title);
char* sw_web_config_string(const char* key); // malloc'd UTF-8, or null when unset; caller frees
int sw_web_viewport_width();
void sw_web_fetch_font();
void sw_web_font_failed(); // the panel says help could not load, with Retry (fetches again)
double sw_web_now_ms();
void sw_web_request_frame_after(int ms);
void sw_web_fetch_text(std::uint32_t request_id, const char* url);
void sw_web_http_request(std::uint32_t request_id, const char* method, const char* url, const char* json_body,
                         const char* csrf_token, const char* authorization);
void sw_web_stream_open(std::uint32_t stream_id, const char* url);
void sw_web_stream_close(std::uint32_t stream_id);
// Messages from the site's other tabs → sw_web_on_tab_message(id, text).
void sw_web_tab_channel_open(std::uint32_t channel_id, const char* name);
void sw_web_tab_channel_post(std::uint32_t channel_id, const char* text);
void sw_web_tab_channel_close(std::uint32_t channel_id);
// Asks for the site-scoped lock `name` (Web Locks); sw_web_on_leader(id) once this tab holds it.
void sw_web_leader_request(std::uint32_t request_id, const char* name);
// Asks the loader to open or close the panel (another tab did), focus left where it is.
void sw_web_request_open(int open);
void sw_web_emit(const char* event, const char* detail_json);
void sw_web_download(const char* url);
void sw_web_queue_feedback(const char* body, int hold_ms);
void sw_web_prepare_feedback();
void sw_web_random_bytes(std::uint8_t* out, int count);
char* sw_web_storage_get(const char* key, int* status); // malloc'd value when *status == 0
int sw_web_storage_set(const char* key, const char* value);
int sw_web_storage_remove(const char* key);             // 0 removed (or absent), 2 unavailable
int sw_web_storage_remove_prefixed(const char* prefix); // how many removed, -1 unavailable
char* sw_web_page_facts();                              // malloc'd JSON {path, sku, categories}
void sw_web_open_link(const char* href);
void sw_web_set_direction(int right_to_left);
char* sw_web_asset_url(const char* relative); // malloc'd, or null when the fonts' URL has no hash //
                                              // dir="rtl"/"ltr" and lang on the panel
void sw_web_fetch_style_font(int style);
// A Hebrew or Arabic face (ui::ScriptFace, by its published name); answers sw_web_on_script_font.
void sw_web_fetch_script_font(int face, const char* name);
void sw_web_guide_show(const char* json);
void sw_web_guide_hide(const char* announcement);
}
