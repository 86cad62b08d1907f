#pragma once
// The functions web_library.js implements, as C++ sees them. Only shared/web includes this.

#include <cstdint>

extern "C" {
void sw_web_mount();
void sw_web_request_frame();
void sw_web_sync_mirror(const char* json);
void sw_web_focus_node(std::uint32_t id);
void sw_web_request_close();
char* sw_web_config_string(const char* key); // malloc'd UTF-8, or null when unset; caller frees
int sw_web_viewport_width();
void sw_web_fetch_font();
}
