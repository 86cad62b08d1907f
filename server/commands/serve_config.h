#pragma once
// `support-server serve` options, parsed by a pure function so every rule is unit-testable.
//
//   support-server serve [--host 127.0.0.1] [--port 8080] --root DIR [--root /prefix=DIR …]
//                        [--site NAME=DIR …] [--max-connections N] [--trusted-proxy LIST] [--log]
//
// Error ids: server.args.unknown_option, server.args.missing_value, server.args.bad_port,
// server.args.bad_max_connections, server.args.bad_trusted_proxy,
// server.args.bad_host, server.args.bad_root, server.args.missing_root, server.args.bad_site,
// server.args.unexpected_argument.

#include "server/http/http_server.h"
#include "server/static/static_files.h"
#include "shared/core/result.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace support::server {

// A site's help content: DIR/<locale>/*.json, served at /api/v1/sites/NAME/content.
struct SiteContentDirectory {
    std::string name; // [a-z0-9-]+, at most 64 bytes
    std::filesystem::path directory;
};

enum class ServeAction { Run, ShowHelp };

// The store used without --db, relative to the working directory.
inline constexpr std::string_view k_default_db_path = "var/support.db";

// The most connections --max-connections accepts (the default is k_default_max_connections).
inline constexpr std::size_t k_max_connections_limit = 1'000'000;

struct ServeConfig {
    ServeAction action = ServeAction::Run;
    std::string host = "127.0.0.1";
    std::uint16_t port = 8080; // 0 picks a free port
    std::vector<Mount> mounts;
    std::vector<SiteContentDirectory> sites; // in command-line order, names unique
    RequestLog request_log = RequestLog::Quiet;
    // The staff session cookie carries Secure (set when a TLS proxy is in front).
    bool secure_cookies = false;
    std::size_t max_connections = k_default_max_connections;
    // Where feedback, staff and chats are stored: a SQLite file (created with its folder when
    // missing) or a postgresql:// URI, and the PostgreSQL store's pool size (storage.h).
    std::string db = std::string(k_default_db_path);
    std::size_t db_pool = 8;
    // Feedback requests a minute (and the burst allowed at once) per client IP and per site.
    std::uint32_t feedback_per_ip_per_minute = 60;
    std::uint32_t feedback_per_site_per_minute = 60'000;
    std::uint32_t chat_per_ip_per_minute = 120;
    // The load balancers in front, whose X-Forwarded-For is believed (client_address.h).
    TrustedProxies trusted_proxies;
};

// Parses the arguments that follow `serve`. Options take their value as the next argument or
// after '=' (`--port=0`). A --root value that starts with '/' and contains '=' is
// `/prefix=DIR`; anything else is a directory mounted at "/". --site takes NAME=DIR. Does not
// touch the file system.
Result<ServeConfig> parse_serve_args(std::span<const std::string_view> args);

// The usage text printed by `support-server serve --help`.
std::string_view serve_usage();

} // namespace support::server
