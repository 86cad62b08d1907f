// libFuzzer target: the Accept-Encoding parser on arbitrary header values. Beyond not crashing,
// gzip is never accepted unless the header names it ("gzip", "x-gzip") or the wildcard "*"
// (RFC 9110 §12.5.3).
#include "server/http/accept_encoding.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string value(reinterpret_cast<const char*>(data), size);
    const bool accepted = support::server::accepts_gzip(value);
    std::transform(value.begin(), value.end(), value.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (accepted && value.find("gzip") == std::string::npos && value.find('*') == std::string::npos)
        std::abort();
    return 0;
}
