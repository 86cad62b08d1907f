// Emscripten's libc printf family (printf_core and its floating-point printer) was 1.7 KB gzip of
// the widget core. Dear ImGui formats window names and
// labels with vsnprintf, nlohmann/json escapes control characters with snprintf, and our log lines
// and the OpenGL backend's go to stderr with fprintf: printf_format.h formats them all, and these
// take libc's place at link time. (The compiler writes fprintf calls without floating-point
// arguments as fiprintf, so that name is defined too.)
#include "shared/web/printf_format.h"

#include <cstdio>

extern "C" {

int vsnprintf(char* out, std::size_t size, const char* format, va_list arguments) {
    return support::web::format_printf(out, size, format, arguments);
}

int snprintf(char* out, std::size_t size, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    const int length = support::web::format_printf(out, size, format, arguments);
    va_end(arguments);
    return length;
}

int vfprintf(FILE* stream, const char* format, va_list arguments) {
    char line[1024];
    const int length = support::web::format_printf(line, sizeof line, format, arguments);
    const std::size_t written =
        length < static_cast<int>(sizeof line) ? static_cast<std::size_t>(length) : sizeof line - 1;
    std::fwrite(line, 1, written, stream);
    return length;
}

int fprintf(FILE* stream, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    const int length = vfprintf(stream, format, arguments);
    va_end(arguments);
    return length;
}

int fiprintf(FILE* stream, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    const int length = vfprintf(stream, format, arguments);
    va_end(arguments);
    return length;
}

} // extern "C"
