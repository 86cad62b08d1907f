#include "support_server_process.h"

#include "catch_amalgamated.hpp"

#include <chrono>
#include <regex>
#include <string>

namespace support::server::test {

std::uint16_t read_listening_port(ChildProcess& child) {
    using namespace std::chrono_literals;
    const auto line = child.read_stdout_line(10s);
    REQUIRE(line.has_value());
    std::smatch match;
    const std::regex pattern(R"(^support-server listening on http://127\.0\.0\.1:(\d+)$)");
    INFO("stdout line: " << *line);
    REQUIRE(std::regex_match(*line, match, pattern));
    return static_cast<std::uint16_t>(std::stoul(match[1].str()));
}

} // namespace support::server::test
