#include "shared/web/printf_format.h"

#include <cmath>
#include <cstdint>
#include <cstring>

namespace support::web {

namespace {

// Writes what fits (keeping room for the NUL) and counts everything, as vsnprintf does.
class Output {
  public:
    Output(char* out, std::size_t size) : m_out(out), m_size(size) {}

    void put(char c) {
        if (m_length + 1 < m_size)
            m_out[m_length] = c;
        ++m_length;
    }
    void put(const char* text, std::size_t length) {
        for (std::size_t i = 0; i < length; ++i)
            put(text[i]);
    }
    void repeat(char c, int count) {
        for (; count > 0; --count)
            put(c);
    }
    int finish() {
        if (m_size > 0)
            m_out[m_length < m_size ? m_length : m_size - 1] = '\0';
        return static_cast<int>(m_length);
    }

  private:
    char* m_out;
    std::size_t m_size;
    std::size_t m_length = 0;
};

struct Spec {
    bool left = false;      // '-'
    bool plus = false;      // '+'
    bool space = false;     // ' '
    bool alternate = false; // '#'
    bool zero = false;      // '0'
    int width = 0;
    int precision = -1; // -1: none given
    char conversion = 0;
};

enum class Length : std::uint8_t { Int, Char, Short, Long, LongLong, Max, Size, PtrDiff, LongDouble };

// prefix (sign, "0x"), `zeros` zeros, then the digits, padded to the width.
void emit(Output& out, const Spec& spec, const char* prefix, int zeros, const char* digits,
          std::size_t digits_length, bool zero_pad) {
    const std::size_t prefix_length = std::strlen(prefix);
    const int length = static_cast<int>(prefix_length + digits_length) + zeros;
    const int padding = spec.width > length ? spec.width - length : 0;
    if (!spec.left && !zero_pad)
        out.repeat(' ', padding);
    out.put(prefix, prefix_length);
    if (!spec.left && zero_pad)
        out.repeat('0', padding);
    out.repeat('0', zeros);
    out.put(digits, digits_length);
    if (spec.left)
        out.repeat(' ', padding);
}

// Digits of `value` in `base`, written backwards from `end`; returns where they start.
char* digits_of(std::uint64_t value, unsigned base, bool upper, char* end) {
    const char* set = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    char* at = end;
    while (value != 0) {
        *--at = set[value % base];
        value /= base;
    }
    return at;
}

void format_integer(Output& out, const Spec& spec, std::uint64_t magnitude, bool negative) {
    const char c = spec.conversion;
    const bool is_signed = c == 'd' || c == 'i';
    const unsigned base = c == 'o' ? 8 : (c == 'x' || c == 'X' || c == 'p') ? 16 : 10;
    char buffer[24];
    char* end = buffer + sizeof buffer;
    char* first = digits_of(magnitude, base, c == 'X', end);
    int count = static_cast<int>(end - first);
    // No precision: at least one digit; precision 0 and value 0: none.
    const int minimum = spec.precision < 0 ? 1 : spec.precision;
    int zeros = minimum > count ? minimum - count : 0;

    char prefix[3] = {};
    if (is_signed && (negative || spec.plus || spec.space))
        prefix[0] = negative ? '-' : spec.plus ? '+' : ' ';
    if (c == 'p' || (spec.alternate && base == 16 && magnitude != 0)) {
        prefix[0] = '0';
        prefix[1] = c == 'X' ? 'X' : 'x';
    }
    if (spec.alternate && base == 8 && zeros == 0 && (count == 0 || *first != '0'))
        zeros = 1; // '#' with %o: the first digit is a zero
    emit(out, spec, prefix, zeros, first, static_cast<std::size_t>(count), spec.zero && spec.precision < 0);
}

constexpr std::uint64_t k_powers_of_ten[] = {1,
                                             10,
                                             100,
                                             1000,
                                             10000,
                                             100000,
                                             1000000,
                                             10000000,
                                             100000000,
                                             1000000000,
                                             10000000000,
                                             100000000000,
                                             1000000000000,
                                             10000000000000,
                                             100000000000000,
                                             1000000000000000,
                                             10000000000000000,
                                             100000000000000000};
constexpr int k_max_float_precision = 17;

// Up to 40 integer digits and 17 decimals, a sign, a point and an exponent.
constexpr std::size_t k_float_buffer = 80;

// `magnitude` with `precision` decimals ("123.456"); false when it is too large for this printer's
// 64-bit arithmetic (then the caller uses the exponent form).
bool fixed_digits(double magnitude, int precision, bool point, char* out, std::size_t* length) {
    if (magnitude >= 1e19 || precision > k_max_float_precision)
        return false;
    const std::uint64_t scale = k_powers_of_ten[precision];
    auto whole = static_cast<std::uint64_t>(magnitude);
    const double fraction = magnitude - static_cast<double>(whole); // exact
    auto decimals = static_cast<std::uint64_t>(std::nearbyint(fraction * static_cast<double>(scale)));
    if (decimals >= scale) { // rounded up into the next unit
        decimals -= scale;
        ++whole;
    }
    char buffer[48];
    char* end = buffer + sizeof buffer;
    char* at = end;
    for (int i = 0; i < precision; ++i) {
        *--at = static_cast<char>('0' + decimals % 10);
        decimals /= 10;
    }
    if (precision > 0 || point)
        *--at = '.';
    char* whole_digits = digits_of(whole, 10, false, at);
    if (whole_digits == at)
        *--whole_digits = '0';
    *length = static_cast<std::size_t>(end - whole_digits);
    std::memcpy(out, whole_digits, *length);
    return true;
}

// "1.234560e+02": the mantissa with `precision` decimals and the exponent. Scales by tens in double,
// so the last of many digits of a value far from 1 may be off.
std::size_t exponent_digits(double magnitude, int precision, bool point, bool upper, char* out,
                            int* exponent_out = nullptr) {
    int exponent = 0;
    double mantissa = magnitude;
    if (mantissa != 0) {
        while (mantissa >= 10) {
            mantissa /= 10;
            ++exponent;
        }
        while (mantissa < 1) {
            mantissa *= 10;
            --exponent;
        }
    }
    auto digits = static_cast<std::uint64_t>(
        std::nearbyint(mantissa * static_cast<double>(k_powers_of_ten[precision])));
    if (digits >= 10 * k_powers_of_ten[precision]) { // 9.99… rounded up to 10
        digits /= 10;
        ++exponent;
    }
    if (exponent_out != nullptr)
        *exponent_out = exponent;
    char buffer[24];
    char* end = buffer + sizeof buffer;
    char* first = digits_of(digits, 10, false, end);
    while (end - first < precision + 1) // zero: as many zeros as digits
        *--first = '0';
    std::size_t n = 0;
    out[n++] = *first++;
    if (precision > 0 || point)
        out[n++] = '.';
    while (first != end)
        out[n++] = *first++;
    out[n++] = upper ? 'E' : 'e';
    out[n++] = exponent < 0 ? '-' : '+';
    const int e = exponent < 0 ? -exponent : exponent;
    if (e >= 100)
        out[n++] = static_cast<char>('0' + e / 100);
    out[n++] = static_cast<char>('0' + e / 10 % 10);
    out[n++] = static_cast<char>('0' + e % 10);
    return n;
}

// %g: drops trailing zeros (and a trailing point) of the decimals, unless '#'.
std::size_t trim_zeros(char* text, std::size_t length) {
    std::size_t point = 0;
    while (point < length && text[point] != '.')
        ++point;
    if (point == length)
        return length;
    std::size_t exponent = point;
    while (exponent < length && text[exponent] != 'e' && text[exponent] != 'E')
        ++exponent;
    std::size_t keep = exponent;
    while (keep > point + 1 && text[keep - 1] == '0')
        --keep;
    if (keep == point + 1)
        keep = point;
    std::memmove(text + keep, text + exponent, length - exponent);
    return keep + (length - exponent);
}

void format_float(Output& out, const Spec& spec, double value) {
    const char c = spec.conversion;
    const bool upper = c == 'F' || c == 'E' || c == 'G';
    const char lower = static_cast<char>(c | 0x20);
    char prefix[2] = {};
    if (std::signbit(value) || spec.plus || spec.space)
        prefix[0] = std::signbit(value) ? '-' : spec.plus ? '+' : ' ';
    const double magnitude = std::fabs(value);
    if (!std::isfinite(magnitude)) {
        const char* word = std::isnan(magnitude) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        emit(out, spec, prefix, 0, word, 3, false);
        return;
    }
    int precision = spec.precision < 0 ? 6 : spec.precision;
    if (precision > k_max_float_precision)
        precision = k_max_float_precision;
    char text[k_float_buffer];
    std::size_t length = 0;
    if (lower == 'g') {
        const int significant = precision == 0 ? 1 : precision;
        int exponent = 0;
        exponent_digits(magnitude, significant - 1, false, upper, text, &exponent);
        if (exponent < significant && exponent >= -4 &&
            fixed_digits(magnitude, significant - 1 - exponent, spec.alternate, text, &length)) {
        } else {
            length = exponent_digits(magnitude, significant - 1, spec.alternate, upper, text);
        }
        if (!spec.alternate)
            length = trim_zeros(text, length);
    } else if (lower == 'e' || !fixed_digits(magnitude, precision, spec.alternate, text, &length)) {
        length = exponent_digits(magnitude, precision, spec.alternate, upper, text);
    }
    emit(out, spec, prefix, 0, text, length, spec.zero);
}

std::uint64_t unsigned_argument(va_list& arguments, Length length) {
    switch (length) {
    case Length::Char:
        return static_cast<unsigned char>(va_arg(arguments, unsigned));
    case Length::Short:
        return static_cast<unsigned short>(va_arg(arguments, unsigned));
    case Length::Long:
        return va_arg(arguments, unsigned long);
    case Length::LongLong:
    case Length::Max:
        return va_arg(arguments, unsigned long long);
    case Length::Size:
        return va_arg(arguments, std::size_t);
    case Length::PtrDiff:
        return static_cast<std::uint64_t>(va_arg(arguments, std::ptrdiff_t));
    default:
        return va_arg(arguments, unsigned);
    }
}

std::int64_t signed_argument(va_list& arguments, Length length) {
    switch (length) {
    case Length::Char:
        return static_cast<signed char>(va_arg(arguments, int));
    case Length::Short:
        return static_cast<short>(va_arg(arguments, int));
    case Length::Long:
        return va_arg(arguments, long);
    case Length::LongLong:
    case Length::Max:
        return va_arg(arguments, long long);
    case Length::Size:
    case Length::PtrDiff:
        return va_arg(arguments, std::ptrdiff_t);
    default:
        return va_arg(arguments, int);
    }
}

} // namespace

int format_printf(char* out_buffer, std::size_t size, const char* format, va_list arguments_in) {
    Output out(out_buffer, size);
    va_list arguments;
    va_copy(arguments, arguments_in);
    for (const char* at = format; *at != '\0'; ++at) {
        if (*at != '%') {
            out.put(*at);
            continue;
        }
        const char* start = at++;
        Spec spec;
        for (;; ++at) {
            if (*at == '-')
                spec.left = true;
            else if (*at == '+')
                spec.plus = true;
            else if (*at == ' ')
                spec.space = true;
            else if (*at == '#')
                spec.alternate = true;
            else if (*at == '0')
                spec.zero = true;
            else
                break;
        }
        if (*at == '*') {
            spec.width = va_arg(arguments, int);
            if (spec.width < 0) {
                spec.left = true;
                spec.width = -spec.width;
            }
            ++at;
        } else {
            while (*at >= '0' && *at <= '9')
                spec.width = spec.width * 10 + (*at++ - '0');
        }
        if (*at == '.') {
            ++at;
            spec.precision = 0;
            if (*at == '*') {
                spec.precision = va_arg(arguments, int);
                if (spec.precision < 0)
                    spec.precision = -1; // a negative precision is taken as none
                ++at;
            } else {
                while (*at >= '0' && *at <= '9')
                    spec.precision = spec.precision * 10 + (*at++ - '0');
            }
        }
        Length length = Length::Int;
        if (at[0] == 'h' && at[1] == 'h') {
            length = Length::Char;
            at += 2;
        } else if (at[0] == 'l' && at[1] == 'l') {
            length = Length::LongLong;
            at += 2;
        } else if (*at == 'h' || *at == 'l' || *at == 'j' || *at == 'z' || *at == 't' || *at == 'L') {
            length = *at == 'h'   ? Length::Short
                     : *at == 'l' ? Length::Long
                     : *at == 'j' ? Length::Max
                     : *at == 'z' ? Length::Size
                     : *at == 't' ? Length::PtrDiff
                                  : Length::LongDouble;
            ++at;
        }
        spec.conversion = *at;
        switch (*at) {
        case 'd':
        case 'i': {
            const std::int64_t value = signed_argument(arguments, length);
            const std::uint64_t magnitude =
                value < 0 ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
            format_integer(out, spec, magnitude, value < 0);
            break;
        }
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            format_integer(out, spec, unsigned_argument(arguments, length), false);
            break;
        case 'p':
            format_integer(out, spec, reinterpret_cast<std::uintptr_t>(va_arg(arguments, void*)), false);
            break;
        case 'c': {
            const char c = static_cast<char>(va_arg(arguments, int));
            emit(out, spec, "", 0, &c, 1, false);
            break;
        }
        case 's': {
            const char* text = va_arg(arguments, const char*);
            if (text == nullptr)
                text = "(null)";
            std::size_t n = 0;
            while (text[n] != '\0' && (spec.precision < 0 || n < static_cast<std::size_t>(spec.precision)))
                ++n;
            emit(out, spec, "", 0, text, n, false);
            break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
            // A long double argument (%Lf) is read as one: WebAssembly's is 128-bit, printed as double.
            const double value = length == Length::LongDouble
                                     ? static_cast<double>(va_arg(arguments, long double))
                                     : va_arg(arguments, double);
            format_float(out, spec, value);
            break;
        }
        case '%':
            out.put('%');
            break;
        default: // unknown (or the format ended): copied as it stands
            out.put(start, static_cast<std::size_t>(at - start) + (*at != '\0' ? 1 : 0));
            if (*at == '\0')
                --at;
            break;
        }
    }
    va_end(arguments);
    return out.finish();
}

} // namespace support::web
