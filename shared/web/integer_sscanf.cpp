// Dear ImGui reads formatted text in three places these apps reach: the OpenGL backend's
// "#version %d" and "%d.%d", the .ini settings ("Pos=%i,%i"; the apps load none) and typed numbers
// in InputScalar/drag/slider text entry (controls the apps do not use). Emscripten's libc sscanf —
// floats, long doubles, every conversion — is 4.5 KB of code each module would carry, within the
// panel's 250 KB budget; this one, integers only (integer_scan.h), takes its place at link time.
// Nothing in this repository reads formatted text with scanf itself: parse with std::from_chars.
#include "shared/web/integer_scan.h"

extern "C" int sscanf(const char* input, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    const int converted = support::web::scan_integers(input, format, arguments);
    va_end(arguments);
    return converted;
}
