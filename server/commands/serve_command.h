#pragma once
// `support-server serve`: parses its options (serve_config.h), loads every --site's help content
// (problems and a summary per site on stderr; articles with errors left out), opens the static
// roots, then serves until SIGINT/SIGTERM. The first stdout line is
// "support-server listening on http://HOST:PORT", which scripts and tests wait for.
//
// Exit codes (exit_codes.h): 0 after a clean stop, 1 when the port cannot be bound, 2 for bad
// arguments or a root or content folder that cannot be used.

#include <span>
#include <string_view>

namespace support::server {

int run_serve(std::span<const std::string_view> args);

} // namespace support::server
