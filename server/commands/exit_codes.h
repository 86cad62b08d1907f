#pragma once
// The exit codes of every support-server command, which scripts rely on.

namespace support::server {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_failure = 1; // the command ran and failed (port taken, content has errors)
inline constexpr int k_exit_usage = 2;   // bad arguments, or a folder named in them cannot be used

} // namespace support::server
