#include "catch_amalgamated.hpp"
#include "shared/core/result.h"

#include <string>

using support::Error;
using support::Result;

namespace {

Result<int> parse_digit(char c) {
    if (c < '0' || c > '9')
        return support::make_error("test.not_a_digit", "not a digit", "c");
    return c - '0';
}

Result<int> sum_of_two_digits(char a, char b) {
    SW_TRY(int first, parse_digit(a));
    SW_TRY(int second, parse_digit(b));
    return first + second;
}

Result<void> require_digit(char c) {
    SW_TRY(int ignored, parse_digit(c));
    (void)ignored;
    return support::ok();
}

Result<void> require_two_digits(char a, char b) {
    SW_TRY_VOID(require_digit(a));
    SW_TRY_VOID(require_digit(b));
    return support::ok();
}

} // namespace

TEST_CASE("a Result holds either a value or an error with a stable id", "[core][result]") {
    Result<int> good = parse_digit('7');
    REQUIRE(good.has_value());
    CHECK(*good == 7);

    Result<int> bad = parse_digit('x');
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == "test.not_a_digit");
    CHECK(bad.error().field == "c");
    CHECK(bad.value_or(-1) == -1);
}

TEST_CASE("SW_TRY passes the first error up and values through", "[core][result]") {
    CHECK(*sum_of_two_digits('3', '4') == 7);
    auto failed = sum_of_two_digits('3', '?');
    REQUIRE_FALSE(failed.has_value());
    CHECK(failed.error().code == "test.not_a_digit");
}

TEST_CASE("SW_TRY_VOID stops at the first failing step", "[core][result]") {
    CHECK(require_two_digits('1', '2').has_value());
    CHECK_FALSE(require_two_digits('a', '2').has_value());
}

TEST_CASE("a Result can hold move-only and string values", "[core][result]") {
    Result<std::string> text = std::string("hello");
    std::string moved = std::move(text).value();
    CHECK(moved == "hello");
}
