#include "server/commands/serve_command.h"

#include "server/chat/cross_instance_chat_fan_out.h"
#include "server/chat/presence_broadcast.h"
#include "server/commands/exit_codes.h"
#include "server/commands/serve_config.h"
#include "server/content/content_api.h"
#include "server/content/content_directory.h"
#include "server/content/content_report.h"
#include "server/content/site_settings.h"
#include "server/feedback/feedback_api.h"
#include "server/http/http_server.h"
#include "server/routes.h"
#include "server/static/static_files.h"
#include "server/storage/storage.h"

#include <algorithm>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <vector>

#include <sys/resource.h>

namespace support::server {

namespace {

void print_error(const Error& error) {
    std::cerr << error.code << ": " << error.message << '\n';
}

struct LoadedSites {
    std::vector<SiteContent> content;
    std::map<std::string, SiteSettings, std::less<>> settings;
};

// Every site's valid articles and guides, and its settings; nothing when a content folder cannot
// be used at all.
std::optional<LoadedSites> load_sites(const std::vector<SiteContentDirectory>& sites) {
    LoadedSites loaded_sites;
    for (const SiteContentDirectory& site : sites) {
        LoadedSiteSettings settings = load_site_settings(site.directory);
        for (const content::ContentProblem& problem : settings.problems)
            std::cerr << "site " << site.name << ": " << format_content_problem(site.directory, problem)
                      << '\n';
        if (settings.settings.allowed_origins.empty())
            std::cerr << "site " << site.name << ": no allowed_origins in "
                      << (site.directory / "site.json").string()
                      << ": feedback is accepted only from pages this server serves\n";
        loaded_sites.settings.emplace(site.name, std::move(settings.settings));
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
        loaded_sites.content.push_back(
            SiteContent{site.name, std::move(loaded->articles), std::move(loaded->guides)});
    }
    return loaded_sites;
}

// Each connection holds a descriptor (two while it sends a file): lift the soft limit on open
// files towards the hard one so that --max-connections can be reached, or lower the cap to what
// the limit allows and say so.
std::size_t connections_the_descriptor_limit_allows(std::size_t wanted) {
    constexpr rlim_t k_reserved = 64; // listening socket, logs, content files, the file being sent
    const rlim_t needed = static_cast<rlim_t>(wanted) * 2 + k_reserved;
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return wanted;
    if (limit.rlim_cur < needed) {
        limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? needed : std::min(needed, limit.rlim_max);
        ::setrlimit(RLIMIT_NOFILE, &limit);
        ::getrlimit(RLIMIT_NOFILE, &limit);
    }
    if (limit.rlim_cur >= needed)
        return wanted;
    const auto allowed =
        static_cast<std::size_t>(limit.rlim_cur > 2 * k_reserved ? (limit.rlim_cur - k_reserved) / 2 : 1);
    std::cerr << "support-server: server.limits.open_files: the open-file limit (" << limit.rlim_cur
              << ") allows " << allowed << " connections, not " << wanted << "; raise it with ulimit -n\n";
    return allowed;
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
    auto opened_storage = open_storage(config->db, config->db_pool);
    if (!opened_storage) {
        print_error(opened_storage.error());
        return k_exit_failure;
    }
    std::shared_ptr<Storage> storage = std::move(*opened_storage);
    std::cerr << "feedback is kept in " << printable_store_address(config->db) << '\n';
    FeedbackLimits limits;
    limits.per_client_ip = {static_cast<double>(config->feedback_per_ip_per_minute),
                            static_cast<double>(config->feedback_per_ip_per_minute)};
    limits.per_site = {static_cast<double>(config->feedback_per_site_per_minute) / 10.0,
                       static_cast<double>(config->feedback_per_site_per_minute)};
    // Work that blocks (password hashing, staff reads and exports) runs here, off the connection threads.
    // Its queue takes a reconnect storm (every shopper's stream opening again after a restart) rather
    // than answering most of it 503: each job is a quick store read or write.
    auto workers = std::make_shared<WorkerPool>(2, 8192);
    auto staff_sessions = std::make_shared<const StaffSessionApi>(
        std::make_shared<StaffSessions>(storage), StaffCookieOptions{.secure = config->secure_cookies});
    std::vector<std::string> site_names;
    for (const auto& [name, settings] : sites->settings)
        site_names.push_back(name);
    // One instance's listeners, or every instance's on a shared PostgreSQL store.
    auto opened_fan_out = CrossInstanceChatFanOut::open(config->db);
    if (!opened_fan_out) {
        print_error(opened_fan_out.error());
        return k_exit_failure;
    }
    std::shared_ptr<ChatFanOut> chat_fan_out = std::move(*opened_fan_out);
    ChatLimits chat_limits;
    const auto chat_per_ip = static_cast<double>(config->chat_per_ip_per_minute);
    chat_limits.messages_per_client_ip = {chat_per_ip, chat_per_ip};
    chat_limits.conversations_per_client_ip = {std::max(1.0, chat_per_ip / 10),
                                               std::max(1.0, chat_per_ip / 20)};
    auto presence = std::make_shared<StaffPresence>();
    // Who is online on the other instances too (nothing to do on SQLite).
    auto presence_broadcast = PresenceBroadcast::open(config->db, presence);
    if (!presence_broadcast) {
        print_error(presence_broadcast.error());
        return k_exit_failure;
    }
    auto bot = std::make_shared<const ChatBot>(sites->content, presence);
    auto shopper_chat = std::make_shared<const ShopperChatApi>(storage, chat_fan_out, std::move(bot),
                                                               sites->settings, workers, chat_limits);
    auto staff_chat = std::make_shared<const StaffChatApi>(storage, chat_fan_out, presence, staff_sessions,
                                                           std::move(site_names), workers);
    auto shopper_erasure = std::make_shared<const ShopperErasureApi>(storage, sites->settings, workers);
    Router router = make_routes(RouteHandlers{
        .static_files = std::make_shared<const StaticFiles>(std::move(*files)),
        .content = std::make_shared<const ContentApi>(sites->content),
        .feedback = std::make_shared<const FeedbackApi>(storage, std::move(sites->settings), limits),
        .staff_session = staff_sessions,
        .staff_feedback = std::make_shared<const StaffFeedbackApi>(storage, staff_sessions, workers,
                                                                   system_clocks().wall_ms),
        .workers = workers,
        .shopper_chat = std::move(shopper_chat),
        .staff_chat = std::move(staff_chat),
        .shopper_erasure = std::move(shopper_erasure),
    });

    ServerOptions options;
    options.host = config->host;
    options.port = config->port;
    options.request_log = config->request_log;
    options.max_connections = connections_the_descriptor_limit_allows(config->max_connections);
    options.signals = SignalHandling::StopOnSigintSigterm;
    options.trusted_proxies = config->trusted_proxies;
    auto server = HttpServer::listen(
        options, [router = std::move(router)](const HttpRequest& request) { return router.handle(request); });
    if (!server) {
        print_error(server.error());
        return k_exit_failure;
    }
    std::cout << "support-server listening on " << (*server)->url() << std::endl;
    (*server)->run();
    workers->stop(); // its last answers go out while the server's executor still exists
    // Writes still queued are committed and answered while the server's executor still exists.
    storage->close();
    std::cerr << "support-server stopped\n";
    return k_exit_ok;
}

} // namespace support::server
