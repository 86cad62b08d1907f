#include "shared/web/decimal_to_double.h"

#include "catch_amalgamated.hpp"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>

using support::web::decimal_to_double;

namespace {

// Units in the last place between two doubles of one sign.
std::uint64_t ulps_apart(double a, double b) {
    std::int64_t x = 0, y = 0;
    std::memcpy(&x, &a, sizeof x);
    std::memcpy(&y, &b, sizeof y);
    return static_cast<std::uint64_t>(x > y ? x - y : y - x);
}

struct Read {
    double value;
    std::size_t consumed;
};

Read ours(const std::string& text) {
    char* end = nullptr;
    const double value = decimal_to_double(text.c_str(), &end);
    return {value, static_cast<std::size_t>(end - text.c_str())};
}

Read theirs(const std::string& text) {
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    return {value, static_cast<std::size_t>(end - text.c_str())};
}

} // namespace

TEST_CASE("the numbers a shop's JSON carries read exactly as libc reads them") {
    for (const char* text : {"0",
                             "-0",
                             "0.0",
                             "149.99",
                             "-12.5",
                             "0.1",
                             "0.30000000000000004",
                             "1e3",
                             "1E-3",
                             "2.5e+2",
                             "19.95",
                             "1234567.89",
                             "3.14159",
                             "0.000001",
                             "100",
                             "  42.5",
                             "+7.25",
                             "9007199254740993",
                             "1e22",
                             "1e-22",
                             "123456789012345678e-5"}) {
        INFO(text);
        const Read a = ours(text), b = theirs(text);
        CHECK(a.value == b.value);
        CHECK(std::signbit(a.value) == std::signbit(b.value));
        CHECK(a.consumed == b.consumed);
    }
}

TEST_CASE("reading stops where the number does, and text that is not one is not consumed") {
    CHECK(ours("12.5px").consumed == 4);
    CHECK(ours("1e").consumed == 1); // "e" without digits is not an exponent
    CHECK(ours("1e+").consumed == 1);
    CHECK(ours(".5").value == 0.5);
    CHECK(ours("5.").value == 5.0);
    CHECK(ours(".").consumed == 0);
    CHECK(ours("abc").consumed == 0);
    CHECK(ours("-").consumed == 0);
    CHECK(ours("").consumed == 0);
}

TEST_CASE("infinity, not-a-number, overflow and underflow") {
    CHECK(std::isinf(ours("inf").value));
    CHECK(ours("-Infinity").value == -HUGE_VAL);
    CHECK(ours("-Infinity").consumed == 9);
    CHECK(std::isnan(ours("NaN").value));
    errno = 0;
    CHECK(ours("1e400").value == HUGE_VAL);
    CHECK(errno == ERANGE);
    errno = 0;
    CHECK(ours("-1e-400").value == 0.0);
    CHECK(std::signbit(ours("-1e-400").value));
    CHECK(errno == ERANGE);
    CHECK(ours("1e99999999999").value == HUGE_VAL); // a huge exponent saturates
}

TEST_CASE("random decimals of up to 15 digits within 1e±22 read exactly as libc reads them") {
    std::mt19937_64 random(612);
    for (int round = 0; round < 100000; ++round) {
        const std::uint64_t digits = random() % 1000000000000000ULL;
        const int exponent = static_cast<int>(random() % 30) - 15;
        const std::string text = std::to_string(digits) + "e" + std::to_string(exponent);
        INFO(text);
        REQUIRE(ours(text).value == theirs(text).value);
    }
    for (int round = 0; round < 100000; ++round) {
        const std::string text = std::to_string(random() % 100000) + "." + std::to_string(random() % 100);
        INFO(text);
        REQUIRE(ours(text).value == theirs(text).value);
    }
}

TEST_CASE("random long or far decimals are within eight units in the last place of libc's") {
    std::mt19937_64 random(2026);
    std::uint64_t worst = 0;
    int exact = 0, compared = 0;
    for (int round = 0; round < 200000; ++round) {
        std::string text = std::to_string(random()) + std::to_string(random() % 1000000) + "e" +
                           std::to_string(static_cast<int>(random() % 600) - 320);
        const Read a = ours(text), b = theirs(text);
        INFO(text);
        REQUIRE(a.consumed == b.consumed);
        if (b.value == 0 || std::isinf(b.value) || std::fpclassify(b.value) == FP_SUBNORMAL)
            continue; // the edges: checked above
        const std::uint64_t apart = ulps_apart(a.value, b.value);
        worst = std::max(worst, apart);
        exact += apart == 0 ? 1 : 0;
        ++compared;
        REQUIRE(apart <= 8);
    }
    WARN("long or far decimals: " << exact << " of " << compared << " exactly libc's, the worst " << worst
                                  << " ulp apart");
}
