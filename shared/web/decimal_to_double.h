#pragma once
// strtod without libc's: what strtod_replacement.cpp puts in its place in the WebAssembly modules,
// where nlohmann/json reads numbers with a fraction or an exponent through it. Emscripten's libc
// strtod computes in long double, which WebAssembly does in software: replacing it took 6.0 KB
// gzip off the widget core (measured with ./scripts/build).
//
// Reads optional white space, a sign, then decimal digits with an optional point and exponent, or
// "inf", "infinity", "nan" (any case). The result is correctly rounded when the significant digits
// are at most 15 and the power of ten, once they are read as an integer, is within ±22 — every
// price, quantity or coordinate a page sends — and within eight units in the last place otherwise
// (tests/web: of 200,000 random 25-digit numbers between 1e-300 and 1e300, 47% are libc's exactly,
// the worst 5 units apart). Hexadecimal floating point ("0x1p3") is not read: 0 and nothing
// consumed, as for any text that is not a number. Overflow gives ±HUGE_VAL, underflow ±0 (ERANGE).

namespace support::web {

double decimal_to_double(const char* text, char** end);

} // namespace support::web
