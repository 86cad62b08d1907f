// libFuzzer target: parse_request_path on arbitrary request-targets. Beyond not crashing, every
// accepted target must yield segments a file lookup can join safely.
#include "server/static/request_path.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view target(reinterpret_cast<const char*>(data), size);
    auto parsed = support::server::parse_request_path(target);
    if (!parsed) {
        if (parsed.error().code != "server.static.bad_path" || parsed.error().field != "path")
            std::abort();
        return 0;
    }
    for (const std::string& segment : parsed->segments) {
        if (segment.empty() || segment == "." || segment == "..")
            std::abort();
        for (const char c : segment)
            if (c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
                std::abort();
    }
    return 0;
}
