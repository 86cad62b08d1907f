#include "shared/web/integer_scan.h"

#include "catch_amalgamated.hpp"

using support::web::scan_integers;

namespace {

int scan(const char* input, const char* format, ...) {
    va_list arguments;
    va_start(arguments, format);
    const int converted = scan_integers(input, format, arguments);
    va_end(arguments);
    return converted;
}

} // namespace

TEST_CASE("Integers are read the way Dear ImGui's OpenGL backend and settings ask for them") {
    int version = 0;
    CHECK(scan("#version 300 es", "#version %d", &version) == 1);
    CHECK(version == 300);
    int major = 0, minor = 0;
    CHECK(scan("3.0 WebGL 2.0", "%d.%d", &major, &minor) == 2);
    CHECK(major == 3);
    CHECK(minor == 0);
    int x = 0, y = 0;
    CHECK(scan("Pos=-12,  40", "Pos=%i,%i", &x, &y) == 2);
    CHECK(x == -12);
    CHECK(y == 40);
    unsigned id = 0;
    CHECK(scan("9aF0", "%X", &id) == 1);
    CHECK(id == 0x9AF0u);
}

TEST_CASE("Scanning stops at the first mismatch or a conversion it does not do, counting what it read") {
    int a = 7, b = 7;
    CHECK(scan("Size=10;20", "Size=%i,%i", &a, &b) == 1);
    CHECK(a == 10);
    CHECK(b == 7);
    CHECK(scan("Collapsed=x", "Collapsed=%d", &a) == 0);
    float f = 1.0f;
    CHECK(scan("2.5", "%f", &f) == 0);
    CHECK(f == 1.0f);
    CHECK(scan("100%", "%d%%", &a) == 1);
    CHECK(scan("", "%d", &a) == 0);
}
