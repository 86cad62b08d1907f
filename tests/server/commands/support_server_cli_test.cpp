// The support-server binary as scripts and people run it: the listening line, real requests,
// SIGTERM/SIGINT, exit codes and error ids.

#include "catch_amalgamated.hpp"

#include "child_process.h"
#include "support_server_process.h"
#include "temp_dir.h"
#include "wire_client.h"

#include <csignal>
#include <regex>
#include <string>

using namespace support::server::test;
using namespace std::chrono_literals;

namespace {

const std::string k_binary = SW_SUPPORT_SERVER_PATH;

struct DemoDirs {
    TempDir dir;
    DemoDirs() {
        dir.write("demo_site/index.html", "<h1>Demo shop</h1>");
        dir.write("dist/support-widget.js", "window.SupportWidget = {};\n");
    }
    std::string demo_site() const { return (dir.path() / "demo_site").string(); }
    std::string dist() const { return (dir.path() / "dist").string(); }
    std::string db() const { return (dir.path() / "var" / "support.db").string(); }
};

} // namespace

TEST_CASE("cli: serve prints the listening line, serves both roots and stops cleanly on SIGTERM", "[cli]") {
    DemoDirs dirs;
    ChildProcess child({k_binary, "serve", "--port", "0", "--root", dirs.demo_site(), "--root", dirs.dist(),
                        "--db", dirs.db()});
    REQUIRE(child.started());
    const auto port = read_listening_port(child);
    CHECK(port != 0);

    CHECK(http_get(port, "/healthz").body == R"({"status":"ok"})");
    CHECK(http_get(port, "/index.html").body == "<h1>Demo shop</h1>");
    const auto loader = http_get(port, "/support-widget.js");
    CHECK(loader.status == 200);
    CHECK(loader.header("Content-Type") == "text/javascript; charset=utf-8");
    CHECK(loader.header("Cache-Control") == "public, max-age=300");

    child.send_signal(SIGTERM);
    const auto exit_code = child.wait_for_exit(10s);
    REQUIRE(exit_code.has_value());
    CHECK(*exit_code == 0);
    const std::string err = child.rest_of_stderr();
    CHECK(err.find("support-server stopped") != std::string::npos);
    CHECK(err.find("GET /healthz") == std::string::npos); // quiet by default
}

TEST_CASE("cli: SIGINT stops the server with exit code 0 and --log prints request lines", "[cli]") {
    DemoDirs dirs;
    ChildProcess child({k_binary, "serve", "--host", "127.0.0.1", "--port=0", "--log", "--root",
                        dirs.demo_site(), "--db", dirs.db()});
    const auto port = read_listening_port(child);
    CHECK(http_get(port, "/healthz").status == 200);
    child.send_signal(SIGINT);
    CHECK(child.wait_for_exit(10s) == std::optional<int>(0));
    const std::string err = child.rest_of_stderr();
    CHECK(err.find("GET /healthz 200") != std::string::npos);
    CHECK(err.find("support-server stopped") != std::string::npos);
}

TEST_CASE("cli: a port already in use exits 1 with server.listen.failed", "[cli]") {
    DemoDirs dirs;
    ChildProcess first({k_binary, "serve", "--port", "0", "--root", dirs.demo_site(), "--db", dirs.db()});
    const auto port = read_listening_port(first);
    const auto second = run_to_completion(
        {k_binary, "serve", "--port", std::to_string(port), "--root", dirs.demo_site(), "--db", dirs.db()});
    CHECK(second.exit_code == 1);
    CHECK(second.err.find("server.listen.failed: cannot listen on 127.0.0.1:" + std::to_string(port)) !=
          std::string::npos);
    first.send_signal(SIGTERM);
    CHECK(first.wait_for_exit(10s) == std::optional<int>(0));
}

TEST_CASE("cli: bad arguments exit 2 with a stable error id", "[cli]") {
    DemoDirs dirs;
    const auto unknown_option = run_to_completion({k_binary, "serve", "--root", dirs.demo_site(), "--foo"});
    CHECK(unknown_option.exit_code == 2);
    CHECK(unknown_option.err.find("server.args.unknown_option: unknown option --foo") != std::string::npos);
    CHECK(unknown_option.out.empty());

    const auto bad_port =
        run_to_completion({k_binary, "serve", "--root", dirs.demo_site(), "--port", "70000"});
    CHECK(bad_port.exit_code == 2);
    CHECK(bad_port.err.find("server.args.bad_port") != std::string::npos);

    const auto missing_root = run_to_completion({k_binary, "serve", "--port", "0"});
    CHECK(missing_root.exit_code == 2);
    CHECK(missing_root.err.find("server.args.missing_root") != std::string::npos);

    const auto no_such_dir =
        run_to_completion({k_binary, "serve", "--port", "0", "--root", (dirs.dir.path() / "nope").string()});
    CHECK(no_such_dir.exit_code == 2);
    CHECK(no_such_dir.err.find("server.args.root_not_found") != std::string::npos);

    const auto unknown_command = run_to_completion({k_binary, "frobnicate"});
    CHECK(unknown_command.exit_code == 2);
    CHECK(unknown_command.err.find("server.args.unknown_command: unknown command 'frobnicate'") !=
          std::string::npos);

    const auto no_command = run_to_completion({k_binary});
    CHECK(no_command.exit_code == 2);
    CHECK(no_command.err.find("server.args.missing_command") != std::string::npos);
}

TEST_CASE("cli: --help prints usage and exits 0", "[cli]") {
    const auto top = run_to_completion({k_binary, "--help"});
    CHECK(top.exit_code == 0);
    CHECK(top.out.find("serve") != std::string::npos);

    const auto serve = run_to_completion({k_binary, "serve", "--help"});
    CHECK(serve.exit_code == 0);
    CHECK(serve.out.find("--root /prefix=DIR") != std::string::npos);
    CHECK(serve.out.find("--port") != std::string::npos);
}
