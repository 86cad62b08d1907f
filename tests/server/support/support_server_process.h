#pragma once
// Test helper for running the support-server binary as a child process.

#include "child_process.h"

#include <cstdint>

namespace support::server::test {

// Reads "support-server listening on http://127.0.0.1:PORT" from the child's stdout (a test
// failure if it does not come within 10 s) and returns PORT.
std::uint16_t read_listening_port(ChildProcess& child);

} // namespace support::server::test
