#include "catch_amalgamated.hpp"

#include "server/commands/serve_config.h"

#include <initializer_list>
#include <string_view>
#include <vector>

using namespace support::server;

namespace {

support::Result<ServeConfig> parse(std::initializer_list<std::string_view> args) {
    const std::vector<std::string_view> list(args);
    return parse_serve_args(list);
}

std::string error_code_of(std::initializer_list<std::string_view> args) {
    auto result = parse(args);
    REQUIRE_FALSE(result.has_value());
    return result.error().code;
}

} // namespace

TEST_CASE("serve defaults to loopback port 8080 and quiet logging", "[serve_config]") {
    auto config = parse({"--root", "site"});
    REQUIRE(config.has_value());
    CHECK(config->action == ServeAction::Run);
    CHECK(config->host == "127.0.0.1");
    CHECK(config->port == 8080);
    CHECK(config->request_log == RequestLog::Quiet);
    REQUIRE(config->mounts.size() == 1);
    CHECK(config->mounts[0].url_prefix == "/");
    CHECK(config->mounts[0].directory == "site");
}

TEST_CASE("serve reads host, port and log options, with '=' or a separate value", "[serve_config]") {
    auto config = parse({"--host", "0.0.0.0", "--port=0", "--root=site", "--log"});
    REQUIRE(config.has_value());
    CHECK(config->host == "0.0.0.0");
    CHECK(config->port == 0);
    CHECK(config->request_log == RequestLog::OneLinePerRequest);
    CHECK_FALSE(config->secure_cookies);
    CHECK(parse({"--root=site", "--secure-cookies"}).value().secure_cookies);
    CHECK(parse({"--root=site", "--secure-cookies=yes"}).error().code == "server.args.unexpected_argument");

    auto highest = parse({"--port", "65535", "--root", "site"});
    REQUIRE(highest.has_value());
    CHECK(highest->port == 65535);
}

TEST_CASE("serve keeps roots in command-line order, with and without prefixes", "[serve_config]") {
    auto config = parse({"--root", "demo_site", "--root", "dist", "--root", "/admin/=console/dist", "--root",
                         "/a/b=deep", "--root", "/=/srv/www"});
    REQUIRE(config.has_value());
    REQUIRE(config->mounts.size() == 5);
    CHECK(config->mounts[0].url_prefix == "/");
    CHECK(config->mounts[0].directory == "demo_site");
    CHECK(config->mounts[1].url_prefix == "/");
    CHECK(config->mounts[1].directory == "dist");
    CHECK(config->mounts[2].url_prefix == "/admin");
    CHECK(config->mounts[2].directory == "console/dist");
    CHECK(config->mounts[3].url_prefix == "/a/b");
    CHECK(config->mounts[4].url_prefix == "/");
    CHECK(config->mounts[4].directory == "/srv/www");
}

TEST_CASE("serve takes an absolute directory without '=' as a root at /", "[serve_config]") {
    auto config = parse({"--root", "/srv/www"});
    REQUIRE(config.has_value());
    CHECK(config->mounts[0].url_prefix == "/");
    CHECK(config->mounts[0].directory == "/srv/www");
}

TEST_CASE("serve --help asks for the usage, even without a root", "[serve_config]") {
    auto config = parse({"--help"});
    REQUIRE(config.has_value());
    CHECK(config->action == ServeAction::ShowHelp);
    CHECK(serve_usage().find("--root /prefix=DIR") != std::string_view::npos);
    CHECK(parse({"-h"})->action == ServeAction::ShowHelp);
}

TEST_CASE("serve refuses bad ports with server.args.bad_port", "[serve_config]") {
    for (std::string_view port : {"65536", "-1", "80x", "", "http", "99999999999999999999"}) {
        INFO("port '" << port << "'");
        auto result = parse({"--root", "site", "--port", port});
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().code == "server.args.bad_port");
        CHECK(result.error().field == "--port");
    }
}

TEST_CASE("serve reports unknown options with server.args.unknown_option", "[serve_config]") {
    auto result = parse({"--root", "site", "--foo"});
    REQUIRE_FALSE(result.has_value());
    CHECK(result.error().code == "server.args.unknown_option");
    CHECK(result.error().message == "unknown option --foo");
    CHECK(error_code_of({"-x", "--root", "site"}) == "server.args.unknown_option");
}

TEST_CASE("serve reports an option without its value", "[serve_config]") {
    CHECK(error_code_of({"--root"}) == "server.args.missing_value");
    CHECK(error_code_of({"--root", "site", "--port"}) == "server.args.missing_value");
    CHECK(error_code_of({"--host", "--root", "site"}) == "server.args.missing_value");
    CHECK(error_code_of({"--root", "site", "--host="}) == "server.args.bad_host");
}

TEST_CASE("serve needs at least one root", "[serve_config]") {
    CHECK(error_code_of({}) == "server.args.missing_root");
    CHECK(error_code_of({"--port", "0"}) == "server.args.missing_root");
}

TEST_CASE("serve refuses mount prefixes that are not plain URL paths", "[serve_config]") {
    for (std::string_view root : {"/../x=dir", "/a//b=dir", "/a/./b=dir", "/a b=dir", "/a%2f=dir", "/app="}) {
        INFO("--root " << root);
        CHECK(error_code_of({"--root", root}) == "server.args.bad_root");
    }
    CHECK(error_code_of({"--root="}) == "server.args.bad_root");
}

TEST_CASE("serve refuses stray arguments and values on flags", "[serve_config]") {
    CHECK(error_code_of({"--root", "site", "extra"}) == "server.args.unexpected_argument");
    CHECK(error_code_of({"--root", "site", "--log=yes"}) == "server.args.unexpected_argument");
}

TEST_CASE("serve --site NAME=DIR is repeatable and keeps command-line order", "[serve_config]") {
    auto config = parse({"--root", "site", "--site", "demo=demo_site/help", "--site=shop-2=/srv/help"});
    REQUIRE(config.has_value());
    REQUIRE(config->sites.size() == 2);
    CHECK(config->sites[0].name == "demo");
    CHECK(config->sites[0].directory == "demo_site/help");
    CHECK(config->sites[1].name == "shop-2");
    CHECK(config->sites[1].directory == "/srv/help");
    CHECK(parse({"--root", "site"})->sites.empty());
    CHECK(serve_usage().find("--site NAME=DIR") != std::string_view::npos);
}

TEST_CASE("serve refuses --site values that are not NAME=DIR with a plain name", "[serve_config]") {
    for (std::string_view site :
         {"demo", "=dir", "Demo=dir", "my_site=dir", "a b=dir", "demo=", "../x=dir"}) {
        INFO("--site " << site);
        auto result = parse({"--root", "site", "--site", site});
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().code == "server.args.bad_site");
        CHECK(result.error().field == "--site");
    }
    const std::string long_name = std::string(65, 'a') + "=dir";
    CHECK(error_code_of({"--root", "site", "--site", long_name}) == "server.args.bad_site");
    CHECK(error_code_of({"--root", "site", "--site", "demo=a", "--site", "demo=b"}) ==
          "server.args.bad_site");
    CHECK(error_code_of({"--root", "site", "--site"}) == "server.args.missing_value");
}

TEST_CASE("serve --max-connections takes 1 to 1,000,000; anything else is server.args.bad_max_connections",
          "[serve_config]") {
    auto parse = [](std::vector<std::string_view> args) { return parse_serve_args(args); };
    CHECK(parse({"--root", "dist"})->max_connections == 10'000);
    CHECK(parse({"--root", "dist", "--max-connections", "64"})->max_connections == 64);
    CHECK(parse({"--root", "dist", "--max-connections=1000000"})->max_connections == 1'000'000);
    for (const char* bad : {"0", "-1", "1000001", "ten", ""}) {
        INFO(bad);
        const auto result = parse({"--root", "dist", "--max-connections", bad});
        REQUIRE_FALSE(result.has_value());
        CHECK(result.error().code == "server.args.bad_max_connections");
        CHECK(result.error().field == "--max-connections");
    }
}

TEST_CASE("serve --chat-per-ip sets the chat rate limit per client address", "[serve_config]") {
    CHECK(parse({"--root", "dist"})->chat_per_ip_per_minute == 120);
    CHECK(parse({"--root", "dist", "--chat-per-ip", "5000"})->chat_per_ip_per_minute == 5000);
    CHECK_FALSE(parse({"--root", "dist", "--chat-per-ip", "0"}).has_value());
}

TEST_CASE("serve --trusted-proxy names the balancers whose X-Forwarded-For is believed", "[serve_config]") {
    CHECK(parse({"--root", "site"}).value().trusted_proxies.empty());
    const auto config = parse({"--root", "site", "--trusted-proxy", "127.0.0.1,10.0.0.0/8"});
    REQUIRE(config.has_value());
    CHECK(config->trusted_proxies.contains("10.1.2.3"));
    CHECK_FALSE(config->trusted_proxies.contains("192.0.2.1"));
    const auto bad = parse({"--root", "site", "--trusted-proxy=lb.internal"});
    REQUIRE_FALSE(bad.has_value());
    CHECK(bad.error().code == "server.args.bad_trusted_proxy");
    CHECK(bad.error().message.find("lb.internal") != std::string::npos);
    CHECK(parse({"--root", "site", "--trusted-proxy"}).error().code == "server.args.missing_value");
}
