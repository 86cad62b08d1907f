// support-server: the native server of the storefront support widget.
//
//   support-server serve [--host 127.0.0.1] [--port 8080] --root DIR [--root /prefix=DIR …]
//                        [--site NAME=DIR …] [--log]
//   support-server check-content DIR
//   support-server staff add|list|remove|passwd [EMAIL] [--role admin|agent] [--db PATH]
//   support-server seed-feedback --site NAME=DIR [--count N] [--db PATH]
//   support-server migrate-db --from sqlite:PATH --to postgresql://…
//
// Exit codes (exit_codes.h): 0 success, 1 runtime failure (e.g. the port is taken, content has
// errors), 2 bad arguments.

#include "server/commands/check_content_command.h"
#include "server/commands/exit_codes.h"
#include "server/commands/migrate_db_command.h"
#include "server/commands/seed_feedback_command.h"
#include "server/commands/serve_command.h"
#include "server/commands/staff_command.h"
#include "shared/core/result.h"

#include <unistd.h>

#include <array>
#include <iostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace support;
using namespace support::server;

void print_error(const Error& error) {
    std::cerr << error.code << ": " << error.message << '\n';
}

int run_check_content_command(std::span<const std::string_view> args) {
    return run_check_content(args, std::cout, std::cerr);
}

int run_seed_feedback_command(std::span<const std::string_view> args) {
    return run_seed_feedback(args, std::cout, std::cerr);
}

int run_staff_command(std::span<const std::string_view> args) {
    return run_staff(args, {std::cin, std::cout, std::cerr, isatty(STDIN_FILENO) == 1});
}

int run_migrate_db_command(std::span<const std::string_view> args) {
    return run_migrate_db(args, std::cout, std::cerr);
}

struct Subcommand {
    std::string_view name;
    std::string_view summary;
    int (*run)(std::span<const std::string_view> args);
};

// Later subcommands (export) get a line here and a run_* function in their own file.
constexpr std::array k_subcommands{
    Subcommand{"serve", "serve the widget's static files and help content over HTTP", run_serve},
    Subcommand{"check-content", "check a folder of help articles and print every problem",
               run_check_content_command},
    Subcommand{"staff", "add, list, remove staff accounts or set their passwords", run_staff_command},
    Subcommand{"seed-feedback", "fill the store with realistic demo feedback", run_seed_feedback_command},
    Subcommand{"migrate-db", "copy a SQLite store's data into an empty PostgreSQL database",
               run_migrate_db_command},
};

void print_usage(std::ostream& out) {
    out << "usage: support-server <command> [options]\n\ncommands:\n";
    for (const Subcommand& command : k_subcommands) {
        out << "  " << command.name << std::string(16 - command.name.size(), ' ') << command.summary << '\n';
    }
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
