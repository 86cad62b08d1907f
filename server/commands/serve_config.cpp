#include "server/commands/serve_config.h"

#include <charconv>

namespace support::server {

namespace {

constexpr std::size_t k_max_site_name_bytes = 64;

constexpr std::string_view k_usage =
    R"(usage: support-server serve [--host ADDRESS] [--port PORT] --root DIR [--root /prefix=DIR ...]
                            [--site NAME=DIR ...] [--db PATH|postgresql://…] [--db-pool N]
                            [--max-connections N] [--trusted-proxy LIST] [--log]

Serves the widget's static files and the sites' help content over HTTP, and keeps the
feedback shoppers send.

  --host ADDRESS        address to listen on (default 127.0.0.1, loopback only)
  --port PORT           TCP port, 0 picks a free one (default 8080)
  --root DIR            serve DIR at /
  --root /prefix=DIR    serve DIR at /prefix/
                        Roots are searched in the order given, so several may share a prefix.
  --site NAME=DIR       serve the help articles in DIR/<locale>/*.json as site NAME at
                        GET /api/v1/sites/NAME/content?locale=LOCALE; NAME is [a-z0-9-]+.
                        Loaded once at start: problems are printed and articles with errors
                        left out (check them first with 'support-server check-content DIR').
                        DIR/site.json lists the store origins that may send feedback and chat:
                        {"allowed_origins": ["https://shop.example"]}
  --db PATH             the SQLite file feedback, staff and chats are kept in (default
                        var/support.db, created with its folder); back it up with:
                        sqlite3 PATH ".backup COPY"
  --db postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=…]
                        keep them in PostgreSQL instead (the database must exist; its tables
                        are created and migrated at start), which several support-server
                        instances behind one load balancer can share
  --db-pool N           PostgreSQL connections for reads, staff and chat, besides the one
                        that writes feedback (default 8)
  --feedback-per-ip N   feedback requests a minute from one client IP, also the burst
                        allowed at once (default 60); past it 429 with Retry-After
  --feedback-per-site N the same for all clients of one site together (default 60000)
  --chat-per-ip N       chat messages a minute from one client IP, also the burst (default
                        120); conversations opened from one IP: a tenth of it, at least 1
                        (a shared office or mobile carrier address may need more)
  --max-connections N   connections open at once (default 10000); past it a new connection
                        gets 503 server.http.too_many_connections
  --trusted-proxy LIST  behind a load balancer: its addresses or CIDR ranges, comma-separated
                        (127.0.0.1,10.0.0.0/8). A request from one of them is counted by the
                        client address its X-Forwarded-For names, so the per-IP limits above
                        count shoppers, not the balancer; from anyone else the header is ignored
  --secure-cookies      mark the staff session cookie Secure: the server is reached over
                        HTTPS (behind a TLS proxy); browsers then send it only over HTTPS
  --log                 print one line per request to stderr
  --quiet               print no request lines (the default)
  -h, --help            show this help

When listening, prints "support-server listening on http://HOST:PORT" on stdout.
)";

bool is_prefix_segment_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '~';
}

// A whole decimal number in [min, max] as the value of `option`; anything else is `code`.
Result<std::uint64_t> parse_number_option(std::string_view text, std::uint64_t min, std::uint64_t max,
                                          const char* option, const char* code) {
    std::uint64_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, value);
    if (text.empty() || ec != std::errc{} || stop != end || value < min || value > max)
        return make_error(code,
                          std::string(option) + " must be a number from " + std::to_string(min) + " to " +
                              std::to_string(max) + ", got '" + std::string(text) + "'",
                          option);
    return value;
}

Result<std::uint16_t> parse_port(std::string_view text) {
    SW_TRY(const std::uint64_t port, parse_number_option(text, 0, 65535, "--port", "server.args.bad_port"));
    return static_cast<std::uint16_t>(port);
}

Result<std::uint32_t> parse_per_minute(std::string_view text, const char* option) {
    SW_TRY(const std::uint64_t per_minute,
           parse_number_option(text, 1, 10'000'000, option, "server.args.bad_rate_limit"));
    return static_cast<std::uint32_t>(per_minute);
}

Result<std::size_t> parse_max_connections(std::string_view text) {
    SW_TRY(const std::uint64_t connections,
           parse_number_option(text, 1, k_max_connections_limit, "--max-connections",
                               "server.args.bad_max_connections"));
    return static_cast<std::size_t>(connections);
}

// "/", "/app", "/app/" and "/a/b" are accepted; segments are plain URL-safe names, never "." or "..".
Result<std::string> normalize_url_prefix(std::string_view prefix) {
    auto bad = [&](std::string_view why) {
        return make_error("server.args.bad_root",
                          "bad mount prefix '" + std::string(prefix) + "': " + std::string(why), "--root");
    };
    if (prefix.empty() || prefix.front() != '/')
        return bad("it must start with '/'");
    std::string normalized;
    std::string_view rest = prefix.substr(1);
    while (!rest.empty()) {
        const auto slash = rest.find('/');
        const std::string_view segment = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
        if (segment.empty()) {
            if (rest.empty())
                break; // one trailing slash
            return bad("it contains an empty segment");
        }
        if (segment == "." || segment == "..")
            return bad("'.' and '..' segments are not allowed");
        for (char c : segment) {
            if (!is_prefix_segment_char(c))
                return bad("only letters, digits and - _ . ~ are allowed in a segment");
        }
        normalized += '/';
        normalized += segment;
    }
    return normalized.empty() ? std::string("/") : normalized;
}

Result<Mount> parse_mount(std::string_view value) {
    if (value.empty())
        return make_error("server.args.bad_root", "--root needs a directory", "--root");
    const auto equals = value.find('=');
    if (value.front() != '/' || equals == std::string_view::npos)
        return Mount{"/", std::filesystem::path(value)};
    SW_TRY(std::string prefix, normalize_url_prefix(value.substr(0, equals)));
    const std::string_view directory = value.substr(equals + 1);
    if (directory.empty())
        return make_error("server.args.bad_root",
                          "--root " + std::string(value) + " needs a directory after '='", "--root");
    return Mount{std::move(prefix), std::filesystem::path(directory)};
}

bool is_site_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

Result<SiteContentDirectory> parse_site(std::string_view value,
                                        const std::vector<SiteContentDirectory>& sites) {
    auto bad = [&](std::string_view why) {
        return make_error("server.args.bad_site",
                          "bad --site '" + std::string(value) + "': " + std::string(why), "--site");
    };
    const auto equals = value.find('=');
    if (equals == std::string_view::npos)
        return bad("expected NAME=DIR, such as demo=demo_site/help");
    const std::string_view name = value.substr(0, equals);
    const std::string_view directory = value.substr(equals + 1);
    if (name.empty() || name.size() > k_max_site_name_bytes)
        return bad("the site name must be 1 to 64 characters");
    for (char c : name) {
        if (!is_site_name_char(c))
            return bad("the site name may use only a-z, 0-9 and '-'");
    }
    if (directory.empty())
        return bad("it needs a directory after '='");
    for (const SiteContentDirectory& site : sites) {
        if (site.name == name)
            return bad("site '" + std::string(name) + "' is given twice");
    }
    return SiteContentDirectory{std::string(name), std::filesystem::path(directory)};
}

} // namespace

std::string_view serve_usage() {
    return k_usage;
}

Result<ServeConfig> parse_serve_args(std::span<const std::string_view> args) {
    ServeConfig config;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view name = args[i];
        std::string_view inline_value;
        bool has_inline_value = false;
        if (name.starts_with("--")) {
            const auto equals = name.find('=');
            if (equals != std::string_view::npos) {
                inline_value = name.substr(equals + 1);
                name = name.substr(0, equals);
                has_inline_value = true;
            }
        }
        // The option's value: after '=' or the next argument.
        auto take_value = [&]() -> Result<std::string_view> {
            if (has_inline_value)
                return inline_value;
            if (i + 1 >= args.size() || args[i + 1].starts_with("--"))
                return make_error("server.args.missing_value", std::string(name) + " needs a value",
                                  std::string(name));
            return args[++i];
        };
        auto reject_value = [&]() -> Result<void> {
            if (has_inline_value)
                return make_error("server.args.unexpected_argument", std::string(name) + " takes no value",
                                  std::string(name));
            return ok();
        };

        if (name == "-h" || name == "--help") {
            SW_TRY_VOID(reject_value());
            config.action = ServeAction::ShowHelp;
        } else if (name == "--host") {
            SW_TRY(std::string_view host, take_value());
            if (host.empty())
                return make_error("server.args.bad_host", "--host needs an address", "--host");
            config.host = std::string(host);
        } else if (name == "--port") {
            SW_TRY(std::string_view port, take_value());
            SW_TRY(config.port, parse_port(port));
        } else if (name == "--root") {
            SW_TRY(std::string_view root, take_value());
            SW_TRY(Mount mount, parse_mount(root));
            config.mounts.push_back(std::move(mount));
        } else if (name == "--site") {
            SW_TRY(std::string_view site, take_value());
            SW_TRY(SiteContentDirectory parsed, parse_site(site, config.sites));
            config.sites.push_back(std::move(parsed));
        } else if (name == "--max-connections") {
            SW_TRY(std::string_view max_connections, take_value());
            SW_TRY(config.max_connections, parse_max_connections(max_connections));
        } else if (name == "--db") {
            SW_TRY(std::string_view db, take_value());
            if (db.empty())
                return make_error("server.args.bad_db", "--db needs a file path or a postgresql:// address",
                                  "--db");
            config.db = std::string(db);
        } else if (name == "--db-pool") {
            SW_TRY(std::string_view value, take_value());
            SW_TRY(const std::uint64_t pool,
                   parse_number_option(value, 1, 256, "--db-pool", "server.args.bad_db_pool"));
            config.db_pool = static_cast<std::size_t>(pool);
        } else if (name == "--feedback-per-ip") {
            SW_TRY(std::string_view value, take_value());
            SW_TRY(config.feedback_per_ip_per_minute, parse_per_minute(value, "--feedback-per-ip"));
        } else if (name == "--feedback-per-site") {
            SW_TRY(std::string_view value, take_value());
            SW_TRY(config.feedback_per_site_per_minute, parse_per_minute(value, "--feedback-per-site"));
        } else if (name == "--chat-per-ip") {
            SW_TRY(std::string_view value, take_value());
            SW_TRY(config.chat_per_ip_per_minute, parse_per_minute(value, "--chat-per-ip"));
        } else if (name == "--trusted-proxy") {
            SW_TRY(std::string_view value, take_value());
            SW_TRY(config.trusted_proxies, TrustedProxies::parse(value));
        } else if (name == "--secure-cookies") {
            SW_TRY_VOID(reject_value());
            config.secure_cookies = true;
        } else if (name == "--log") {
            SW_TRY_VOID(reject_value());
            config.request_log = RequestLog::OneLinePerRequest;
        } else if (name == "--quiet") {
            SW_TRY_VOID(reject_value());
            config.request_log = RequestLog::Quiet;
        } else if (name.starts_with("-")) {
            return make_error("server.args.unknown_option", "unknown option " + std::string(name),
                              std::string(name));
        } else {
            return make_error("server.args.unexpected_argument",
                              "unexpected argument '" + std::string(name) + "'");
        }
    }
    if (config.action == ServeAction::Run && config.mounts.empty())
        return make_error("server.args.missing_root", "serve needs at least one --root DIR", "--root");
    return config;
}

} // namespace support::server
