// libFuzzer target: decimal_to_double (shared/web/strtod_replacement.cpp puts it in strtod's place
// in the WebAssembly modules, where nlohmann/json reads numbers with it) against the host's strtod
// on arbitrary text. Beyond not crashing: it stops where libc stops (but for the hexadecimal and
// "nan(…)" forms it does not read), and a finite, normal result is within eight units in the last
// place of libc's.
#include "shared/web/decimal_to_double.h"

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size); // stops at a NUL, as C does
    char* our_end = nullptr;
    char* their_end = nullptr;
    const double ours = support::web::decimal_to_double(text.c_str(), &our_end);
    const double theirs = std::strtod(text.c_str(), &their_end);
    if (our_end < text.c_str() || our_end > text.c_str() + std::strlen(text.c_str()))
        std::abort();
    const bool forms_not_read = text.find_first_of("xX(") != std::string::npos;
    if (forms_not_read)
        return 0;
    if (our_end != their_end)
        std::abort();
    if (std::isnan(theirs) != std::isnan(ours))
        std::abort();
    if (std::isfinite(theirs) && std::fpclassify(theirs) == FP_NORMAL && std::isfinite(ours)) {
        std::int64_t a = 0, b = 0;
        std::memcpy(&a, &ours, sizeof a);
        std::memcpy(&b, &theirs, sizeof b);
        if ((a > b ? a - b : b - a) > 8)
            std::abort();
    }
    return 0;
}
