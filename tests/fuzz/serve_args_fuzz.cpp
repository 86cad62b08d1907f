// libFuzzer target: `support-server serve` arguments, split from the input at NUL bytes. Bad
// arguments must come back as errors with a stable id, never a crash.
#include "server/commands/serve_config.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    std::vector<std::string_view> args;
    std::size_t start = 0;
    while (start <= input.size() && args.size() < 64) {
        const std::size_t end = input.find('\0', start);
        args.push_back(
            input.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 1;
    }
    auto config = support::server::parse_serve_args(args);
    if (!config && config.error().code.rfind("server.args.", 0) != 0)
        std::abort();
    return 0;
}
