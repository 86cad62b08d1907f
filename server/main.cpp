// support-server: the native server of the storefront support widget.
//
//   support-server serve [--host 127.0.0.1] [--port 8080] --root DIR [--root /prefix=DIR …] [--log]
//
// Exit codes: 0 success, 1 runtime failure (e.g. the port is taken), 2 bad arguments.

#include "server/http_server.h"
#include "server/routes.h"
#include "server/serve_config.h"
#include "server/static_files.h"

#include <array>
#include <cstdio>
#include <iostream>
#include <span>
#include <string_view>
#include <vector>

namespace {

using namespace support;
using namespace support::server;

constexpr int k_exit_ok = 0;
constexpr int k_exit_failure = 1;
constexpr int k_exit_usage = 2;

void print_error(const Error& error) {
    std::cerr << error.code << ": " << error.message << '\n';
}

int run_serve(std::span<const std::string_view> args) {
    auto config = parse_serve_args(args);
    if (!config) {
        print_error(config.error());
        std::cerr << "run 'support-server serve --help' for usage\n";
        return k_exit_usage;
    }
    if (config->action == ServeAction::ShowHelp) {
        std::cout << serve_usage();
        return k_exit_ok;
    }
    auto files = StaticFiles::open(config->mounts);
    if (!files) {
        print_error(files.error());
        return k_exit_usage;
    }
    Router router = make_routes(std::make_shared<const StaticFiles>(std::move(*files)));

    ServerOptions options;
    options.host = config->host;
    options.port = config->port;
    options.request_log = config->request_log;
    options.signals = SignalHandling::StopOnSigintSigterm;
    auto server = HttpServer::listen(
        options, [router = std::move(router)](const HttpRequest& request) { return router.handle(request); });
    if (!server) {
        print_error(server.error());
        return k_exit_failure;
    }
    std::cout << "support-server listening on " << (*server)->url() << std::endl;
    (*server)->run();
    std::cerr << "support-server stopped\n";
    return k_exit_ok;
}

struct Subcommand {
    std::string_view name;
    std::string_view summary;
    int (*run)(std::span<const std::string_view> args);
};

// Later subcommands (add-staff, check-content, export) get a line here and a run_* function.
constexpr std::array k_subcommands{
    Subcommand{"serve", "serve the widget's static files over HTTP", run_serve},
};

void print_usage(std::ostream& out) {
    out << "usage: support-server <command> [options]\n\ncommands:\n";
    for (const Subcommand& command : k_subcommands)
        out << "  " << command.name << "    " << command.summary << '\n';
    out << "\nrun 'support-server <command> --help' for the options of a command\n";
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    if (args.empty()) {
        print_error(make_error("server.args.missing_command", "no command given"));
        print_usage(std::cerr);
        return k_exit_usage;
    }
    const std::string_view command = args.front();
    if (command == "--help" || command == "-h" || command == "help") {
        print_usage(std::cout);
        return k_exit_ok;
    }
    for (const Subcommand& subcommand : k_subcommands) {
        if (subcommand.name == command)
            return subcommand.run(std::span(args).subspan(1));
    }
    if (command.starts_with("-"))
        print_error(make_error("server.args.unknown_option", "unknown option " + std::string(command)));
    else
        print_error(
            make_error("server.args.unknown_command", "unknown command '" + std::string(command) + "'"));
    print_usage(std::cerr);
    return k_exit_usage;
}
