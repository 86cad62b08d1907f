#include "shared/web/decimal_to_double.h"

#include <cerrno>
#include <cmath>
#include <cstdint>

namespace support::web {

namespace {

constexpr double k_exact_powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                     1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
constexpr int k_max_exact_power = 22;
constexpr int k_max_digits = 19; // a uint64_t holds any 19 decimal digits

bool is_space(char c) {
    return c == ' ' || (c >= '\t' && c <= '\r');
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

// Whether `text` starts with `word` (lowercase), in any case.
bool starts_with_word(const char* text, const char* word) {
    for (; *word != '\0'; ++text, ++word)
        if (lower(*text) != *word)
            return false;
    return true;
}

// mantissa × 10^exponent for a mantissa of up to 19 digits.
double scale(std::uint64_t mantissa, int exponent) {
    // Exact operands and one IEEE operation: correctly rounded (Clinger's fast path). A mantissa
    // above 2^53 (16 digits or more) is first rounded to double: one rounding more.
    const auto m = static_cast<double>(mantissa);
    if (exponent >= 0 && exponent <= k_max_exact_power)
        return m * k_exact_powers[exponent];
    if (exponent < 0 && exponent >= -k_max_exact_power)
        return m / k_exact_powers[-exponent];
    // Further out: scaled in steps of 10^22 (each step one rounding), far from where JSON numbers
    // of shops live; very small results are approached from above to keep their precision.
    double value = m;
    int left = exponent;
    while (left > k_max_exact_power && std::isfinite(value)) {
        value *= k_exact_powers[k_max_exact_power];
        left -= k_max_exact_power;
    }
    while (left < -k_max_exact_power && value != 0) {
        value /= k_exact_powers[k_max_exact_power];
        left += k_max_exact_power;
    }
    if (left > k_max_exact_power || left < -k_max_exact_power)
        return value; // already infinite, or zero
    return left >= 0 ? value * k_exact_powers[left] : value / k_exact_powers[-left];
}

} // namespace

double decimal_to_double(const char* text, char** end) {
    const char* at = text;
    while (is_space(*at))
        ++at;
    bool negative = false;
    if (*at == '+' || *at == '-')
        negative = *at++ == '-';
    const auto finish = [&](double value, const char* stop) {
        if (end != nullptr)
            *end = const_cast<char*>(stop);
        return negative ? -value : value;
    };
    if (starts_with_word(at, "inf"))
        return finish(HUGE_VAL, at + (starts_with_word(at, "infinity") ? 8 : 3));
    if (starts_with_word(at, "nan"))
        return finish(NAN, at + 3);

    std::uint64_t mantissa = 0;
    int digits = 0;         // significant digits kept in the mantissa
    int exponent = 0;       // of ten, applied to the mantissa
    bool any_digit = false; // a number needs one, before or after the point
    bool after_point = false;
    for (;; ++at) {
        if (*at == '.' && !after_point) {
            after_point = true;
            continue;
        }
        if (*at < '0' || *at > '9')
            break;
        any_digit = true;
        const int digit = *at - '0';
        if (digits < k_max_digits) {
            if (mantissa != 0 || digit != 0) {
                mantissa = mantissa * 10 + static_cast<std::uint64_t>(digit);
                ++digits;
            }
            if (after_point)
                --exponent;
        } else if (!after_point) {
            ++exponent;
        }
    }
    if (!any_digit)
        return finish(0.0, text); // not a number: nothing consumed
    if (lower(*at) == 'e') {
        const char* e = at + 1;
        bool negative_exponent = false;
        if (*e == '+' || *e == '-')
            negative_exponent = *e++ == '-';
        if (*e >= '0' && *e <= '9') {
            int value = 0;
            for (; *e >= '0' && *e <= '9'; ++e)
                if (value < 100000) // far beyond any double: saturate
                    value = value * 10 + (*e - '0');
            exponent += negative_exponent ? -value : value;
            at = e;
        }
    }
    if (mantissa == 0)
        return finish(0.0, at);
    // Digits beyond the 19th are dropped: within the promised units in the last place.
    const double value = scale(mantissa, exponent);
    if (std::isinf(value) || value == 0)
        errno = ERANGE;
    return finish(value, at);
}

} // namespace support::web
