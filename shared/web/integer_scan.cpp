#include "shared/web/integer_scan.h"

#include <cctype>

namespace support::web {

int scan_integers(const char* input, const char* format, va_list arguments) {
    int converted = 0;
    const char* in = input;
    for (const char* f = format; *f != '\0'; ++f) {
        if (std::isspace(static_cast<unsigned char>(*f))) {
            while (std::isspace(static_cast<unsigned char>(*in)))
                ++in;
            continue;
        }
        if (*f != '%' || f[1] == '%') {
            if (*f == '%')
                ++f; // "%%" matches one '%'
            if (*in != *f)
                break;
            ++in;
            continue;
        }
        const char conversion = *++f;
        const bool hex = conversion == 'x' || conversion == 'X';
        if (!hex && conversion != 'd' && conversion != 'i' && conversion != 'u')
            break;
        while (std::isspace(static_cast<unsigned char>(*in)))
            ++in;
        const bool negative = !hex && *in == '-';
        if (*in == '-' || *in == '+')
            ++in;
        unsigned value = 0;
        int digits = 0;
        for (;; ++in, ++digits) {
            const char c = *in;
            unsigned digit = 0;
            if (c >= '0' && c <= '9')
                digit = static_cast<unsigned>(c - '0');
            else if (hex && c >= 'a' && c <= 'f')
                digit = static_cast<unsigned>(c - 'a' + 10);
            else if (hex && c >= 'A' && c <= 'F')
                digit = static_cast<unsigned>(c - 'A' + 10);
            else
                break;
            value = value * (hex ? 16u : 10u) + digit;
        }
        if (digits == 0)
            break;
        if (hex || conversion == 'u')
            *va_arg(arguments, unsigned*) = value;
        else
            *va_arg(arguments, int*) = negative ? -static_cast<int>(value) : static_cast<int>(value);
        ++converted;
    }
    return converted;
}

} // namespace support::web
