#pragma once
// printf's formatting without libc's: what printf_replacement.cpp puts in the place of vsnprintf,
// snprintf and fprintf in the WebAssembly modules. Emscripten's libc printf carries its full
// floating-point printer, with long-double arithmetic behind it, for formats that in these apps
// print integers and strings (Dear ImGui's window names and "##%s" labels, nlohmann/json's
// "\u%04x", our own log lines): replacing it took 1.7 KB gzip off the widget core (measured with
// ./scripts/build; the long-double arithmetic itself went with strtod, decimal_to_double.h).
//
// Supported: the flags '-', '+', ' ', '#', '0'; a width and a precision (numbers or '*'); the length
// modifiers hh, h, l, ll, j, z, t, L; the conversions d i u o x X c s p f F e E g G and %%. Floating
// point is printed from double with up to 17 significant digits (correctly rounded for the
// precisions Dear ImGui uses, %.0f to %.6f; the last digits of longer ones may differ from glibc's).
// An unknown conversion is copied as it stands. As vsnprintf: writes at most `size` bytes including
// the terminating NUL, and returns the length the whole output would have had.

#include <cstdarg>
#include <cstddef>

namespace support::web {

int format_printf(char* out, std::size_t size, const char* format, va_list arguments);

} // namespace support::web
