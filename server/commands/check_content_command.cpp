#include "server/commands/check_content_command.h"

#include "server/commands/exit_codes.h"
#include "server/content/content_directory.h"
#include "server/content/content_report.h"
#include "server/content/site_settings.h"

#include <filesystem>
#include <optional>
#include <string>

namespace support::server {

namespace {

constexpr std::string_view k_usage = R"(usage: support-server check-content DIR

Checks the help articles in DIR/<locale>/*.json (for example demo_site/help/en/returns.json),
the guides in DIR/<locale>/guides/*.json and the site's settings in DIR/site.json, and prints
every problem as

  FILE:POINTER: error|warning CODE: message

then a summary line. Articles with errors are left out when the server serves DIR; warnings
(unknown fields, unsafe links) keep the article.

Exit status: 0 no errors, 1 errors found, 2 bad arguments or DIR cannot be read.

  -h, --help            show this help
)";

void print_error(std::ostream& err, const Error& error) {
    err << error.code << ": " << error.message << '\n';
}

} // namespace

std::string_view check_content_usage() {
    return k_usage;
}

int run_check_content(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
    std::optional<std::string_view> directory;
    for (std::string_view arg : args) {
        if (arg == "-h" || arg == "--help") {
            out << k_usage;
            return k_exit_ok;
        }
        if (arg.starts_with("-")) {
            print_error(err, make_error("server.args.unknown_option", "unknown option " + std::string(arg)));
            err << "run 'support-server check-content --help' for usage\n";
            return k_exit_usage;
        }
        if (directory) {
            print_error(err, make_error("server.args.unexpected_argument",
                                        "unexpected argument '" + std::string(arg) + "'"));
            return k_exit_usage;
        }
        directory = arg;
    }
    if (!directory) {
        print_error(err, make_error("server.args.missing_directory", "check-content needs a DIR"));
        err << "run 'support-server check-content --help' for usage\n";
        return k_exit_usage;
    }

    const std::filesystem::path path(*directory);
    auto loaded = load_content_directory(path);
    if (!loaded) {
        print_error(err, loaded.error());
        return k_exit_usage;
    }
    // The site's settings are checked with its content, their problems counted in the summary.
    const LoadedSiteSettings settings = load_site_settings(path);
    loaded->problems.insert(loaded->problems.begin(), settings.problems.begin(), settings.problems.end());
    for (const content::ContentProblem& problem : loaded->problems)
        out << format_content_problem(path, problem) << '\n';
    out << format_content_summary(*loaded) << '\n';
    return loaded->error_count() == 0 ? k_exit_ok : k_exit_failure;
}

} // namespace support::server
