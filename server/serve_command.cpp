#include "server/serve_command.h"

#include "server/content_api.h"
#include "server/content_directory.h"
#include "server/content_report.h"
#include "server/exit_codes.h"
#include "server/http_server.h"
#include "server/routes.h"
#include "server/serve_config.h"
#include "server/static_files.h"

#include <iostream>
#include <memory>
#include <optional>
#include <vector>

namespace support::server {

namespace {

void print_error(const Error& error) {
    std::cerr << error.code << ": " << error.message << '\n';
}

// Every site's valid articles and guides; nothing when a content folder cannot be used at all.
std::optional<std::vector<SiteContent>> load_sites(const std::vector<SiteContentDirectory>& sites) {
    std::vector<SiteContent> loaded_sites;
    for (const SiteContentDirectory& site : sites) {
        auto loaded = load_content_directory(site.directory);
        if (!loaded) {
            print_error(loaded.error());
            return std::nullopt;
        }
        for (const content::ContentProblem& problem : loaded->problems)
            std::cerr << "site " << site.name << ": " << format_content_problem(site.directory, problem)
                      << '\n';
        std::cerr << "site " << site.name << ": " << format_content_summary(*loaded)
                  << (loaded->error_count() > 0 ? " (articles and guides with errors are left out)" : "")
                  << '\n';
        loaded_sites.push_back(
            SiteContent{site.name, std::move(loaded->articles), std::move(loaded->guides)});
    }
    return loaded_sites;
}

} // namespace

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
    auto sites = load_sites(config->sites);
    if (!sites)
        return k_exit_usage;
    Router router = make_routes(std::make_shared<const StaticFiles>(std::move(*files)),
                                std::make_shared<const ContentApi>(*sites));

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

} // namespace support::server
