#include "server/commands/seed_feedback_command.h"

#include "server/commands/exit_codes.h"
#include "server/commands/serve_config.h"
#include "server/content/content_directory.h"
#include "server/demo/feedback_seeder.h"
#include "server/storage/storage.h"

#include <charconv>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>

namespace support::server {

namespace {

constexpr std::string_view k_usage = R"(usage: support-server seed-feedback --site NAME=DIR [options]

Adds realistic shopper feedback (votes, comments, searches without an answer, guides finished or
abandoned, problem reports; English, Hebrew and Arabic; over the last days) about the articles and
guides in the help folder DIR, for the site NAME.

  --site NAME=DIR   the site and its help folder (as for serve)
  --db PATH         the SQLite file (default var/support.db)
  --count N         how many items (default 300)
  --days D          spread over the last D days (default 30)
  --seed S          another seed makes other feedback (default 1)
  --origin URL      the store's origin for page addresses (default http://127.0.0.1:8080)
  --if-empty        do nothing when the site has feedback already
  -h, --help        show this help
)";

struct SeedArgs {
    std::string site;
    std::string directory;
    std::string db = std::string(k_default_db_path);
    std::size_t count = 300;
    int days = 30;
    std::uint64_t seed = 1;
    std::string origin = "http://127.0.0.1:8080";
    bool if_empty = false;
    bool help = false;
};

template <typename Number>
Result<Number> parse_number(std::string_view option, std::string_view text, Number min, Number max) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < min || value > max)
        return make_error("seed.args.bad_number", std::string(option) + " needs a whole number from " +
                                                      std::to_string(min) + " to " + std::to_string(max));
    return value;
}

Result<SeedArgs> parse_args(std::span<const std::string_view> args) {
    SeedArgs parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--help" || arg == "-h") {
            parsed.help = true;
            return parsed;
        }
        if (arg == "--if-empty") {
            parsed.if_empty = true;
            continue;
        }
        if (!arg.starts_with("--"))
            return make_error("seed.args.unexpected", "unexpected argument " + std::string(arg));
        if (i + 1 >= args.size())
            return make_error("seed.args.missing_value", std::string(arg) + " needs a value");
        const std::string_view value = args[++i];
        if (arg == "--site") {
            const auto equals = value.find('=');
            if (equals == std::string_view::npos || equals == 0 || equals + 1 == value.size())
                return make_error("seed.args.bad_site", "--site takes NAME=DIR");
            parsed.site = std::string(value.substr(0, equals));
            parsed.directory = std::string(value.substr(equals + 1));
        } else if (arg == "--db") {
            parsed.db = std::string(value);
        } else if (arg == "--count") {
            SW_TRY(parsed.count, parse_number<std::size_t>(arg, value, 1, 10'000'000));
        } else if (arg == "--days") {
            SW_TRY(parsed.days, parse_number<int>(arg, value, 1, 3650));
        } else if (arg == "--seed") {
            SW_TRY(parsed.seed, parse_number<std::uint64_t>(arg, value, 0, UINT64_MAX));
        } else if (arg == "--origin") {
            if (!value.starts_with("http://") && !value.starts_with("https://"))
                return make_error("seed.args.bad_origin", "--origin is an http:// or https:// origin");
            parsed.origin = std::string(value);
            while (parsed.origin.ends_with('/'))
                parsed.origin.pop_back();
        } else {
            return make_error("seed.args.unknown_option", "unknown option " + std::string(arg));
        }
    }
    if (parsed.site.empty())
        return make_error("seed.args.missing_site", "say which site: --site NAME=DIR");
    return parsed;
}

// The site's article and guide ids (each once, whatever its locales).
void read_content(const content::LoadedContent& content, SeedPlan& plan) {
    std::set<std::string> articles;
    for (const auto& article : content.articles) {
        if (articles.insert(article.id).second)
            plan.article_ids.push_back(article.id);
    }
    std::set<std::string> guides;
    for (const auto& guide : content.guides) {
        if (!guides.insert(guide.id).second)
            continue;
        SeedGuide seed_guide{guide.id, {}};
        for (const auto& step : guide.steps)
            seed_guide.step_ids.push_back(step.id);
        plan.guides.push_back(std::move(seed_guide));
    }
}

// Stores every item and waits until the last is durable; how many failed.
std::size_t store_all(Storage& storage, std::vector<NewFeedback> items) {
    std::mutex mutex;
    std::condition_variable done;
    std::size_t answered = 0;
    std::size_t failed = 0;
    const std::size_t total = items.size();
    for (auto& item : items)
        storage.insert_feedback(std::move(item), [&](Result<FeedbackInsertResult> result) {
            std::lock_guard lock(mutex);
            ++answered;
            if (!result || result->outcome != InsertOutcome::Stored)
                ++failed;
            if (answered == total)
                done.notify_one();
        });
    std::unique_lock lock(mutex);
    done.wait(lock, [&] { return answered == total; });
    return failed;
}

} // namespace

int run_seed_feedback(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
    auto parsed = parse_args(args);
    if (!parsed) {
        err << parsed.error().code << ": " << parsed.error().message
            << "\nrun 'support-server seed-feedback --help' for usage\n";
        return k_exit_usage;
    }
    if (parsed->help) {
        out << k_usage;
        return k_exit_ok;
    }
    auto content = load_content_directory(parsed->directory);
    if (!content) {
        err << content.error().code << ": " << content.error().message << '\n';
        return k_exit_usage;
    }
    auto storage = open_storage(parsed->db);
    if (!storage) {
        err << storage.error().code << ": " << storage.error().message << '\n';
        return k_exit_failure;
    }
    if (parsed->if_empty) {
        auto existing = (*storage)->count_feedback(parsed->site);
        if (!existing) {
            err << existing.error().code << ": " << existing.error().message << '\n';
            return k_exit_failure;
        }
        if (*existing > 0) {
            out << "site " << parsed->site << " has " << *existing
                << " feedback items already; nothing seeded\n";
            return k_exit_ok;
        }
    }
    SeedPlan plan;
    plan.site = parsed->site;
    plan.count = parsed->count;
    plan.days = parsed->days;
    plan.seed = parsed->seed;
    plan.store_origin = parsed->origin;
    plan.now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
    read_content(*content, plan);
    const std::size_t failed = store_all(**storage, seed_feedback(plan));
    (*storage)->close();
    if (failed > 0) {
        err << "storage.write_failed: " << failed << " of " << plan.count << " items were not stored\n";
        return k_exit_failure;
    }
    out << "seeded " << plan.count << " feedback items for site " << plan.site << " over the last "
        << plan.days << " days (" << plan.article_ids.size() << " articles, " << plan.guides.size()
        << " guides)\n";
    return k_exit_ok;
}

} // namespace support::server
