// Emscripten's libc strtod reads in long double, which WebAssembly computes in software (division,
// multiplication, addition, fmodl, scalbnl): 6.0 KB gzip of the widget core, for the numbers with a
// fraction or an exponent nlohmann/json meets. decimal_to_double.h takes its place at link time —
// with strtof and strtold, which libc defines in the same object (libc++ refers to them).
#include "shared/web/decimal_to_double.h"

extern "C" double strtod(const char* text, char** end) {
    return support::web::decimal_to_double(text, end);
}

extern "C" float strtof(const char* text, char** end) {
    return static_cast<float>(support::web::decimal_to_double(text, end));
}

extern "C" long double strtold(const char* text, char** end) {
    return support::web::decimal_to_double(text, end);
}
