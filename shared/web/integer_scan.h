#pragma once
// scanf for integers only — what Dear ImGui asks of sscanf in these apps (integer_sscanf.cpp puts
// it in libc's place in the WebAssembly modules). It matches literal characters and white space,
// and converts %d, %i, %u (decimal, to int/unsigned) and %x, %X (hexadecimal, to unsigned); at any
// other conversion it stops, returning the count so far, as scanf does at a mismatch.

#include <cstdarg>

namespace support::web {

int scan_integers(const char* input, const char* format, va_list arguments);

} // namespace support::web
