#include "server/commands/migrate_db_command.h"

#include "server/commands/exit_codes.h"
#include "server/storage/storage.h"
#include "server/storage/store_copy.h"

#include <chrono>
#include <string>

namespace support::server {

namespace {

constexpr std::string_view k_usage =
    R"(usage: support-server migrate-db --from sqlite:PATH --to postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE

Copies everything a SQLite store holds (feedback with its triage, staff and their sessions,
conversations with their events, the record of erasures) into an empty PostgreSQL database,
keeping ids, in one transaction. Each table is compared on both sides (rows and a checksum)
before the copy is committed; any difference leaves the PostgreSQL database as it was.
Stop support-server first; afterwards start it with --db postgresql://….
)";

struct MigrateArgs {
    std::string from;
    std::string to;
    bool help = false;
};

Result<MigrateArgs> parse(std::span<const std::string_view> args) {
    MigrateArgs parsed;
    for (std::size_t i = 0; i < args.size(); ++i) {
        std::string_view name = args[i];
        std::string_view value;
        const auto equals = name.find('=');
        const bool inline_value = name.starts_with("--") && equals != std::string_view::npos;
        if (inline_value) {
            value = name.substr(equals + 1);
            name = name.substr(0, equals);
        }
        if (name == "-h" || name == "--help") {
            parsed.help = true;
            continue;
        }
        if (name != "--from" && name != "--to")
            return make_error("migrate.args.unknown_option", "unknown option " + std::string(name),
                              std::string(name));
        if (!inline_value) {
            if (i + 1 >= args.size())
                return make_error("migrate.args.missing_value", std::string(name) + " needs a value",
                                  std::string(name));
            value = args[++i];
        }
        (name == "--from" ? parsed.from : parsed.to) = std::string(value);
    }
    if (parsed.help)
        return parsed;
    if (!parsed.from.starts_with("sqlite:") || parsed.from.size() == 7)
        return make_error("migrate.args.bad_from", "--from needs sqlite:PATH (the SQLite store's file)",
                          "--from");
    if (!names_postgresql(parsed.to))
        return make_error("migrate.args.bad_to", "--to needs a postgresql:// address", "--to");
    parsed.from.erase(0, 7);
    return parsed;
}

} // namespace

int run_migrate_db(std::span<const std::string_view> args, std::ostream& out, std::ostream& err) {
    auto parsed = parse(args);
    if (!parsed) {
        err << parsed.error().code << ": " << parsed.error().message << '\n' << k_usage;
        return k_exit_usage;
    }
    if (parsed->help) {
        out << k_usage;
        return k_exit_ok;
    }
    const auto started = std::chrono::steady_clock::now();
    auto copied = copy_sqlite_store_to_postgres(parsed->from, parsed->to);
    if (!copied) {
        err << copied.error().code << ": " << copied.error().message << '\n';
        return k_exit_failure;
    }
    std::int64_t rows = 0;
    for (const TableCopy& table : *copied) {
        out << table.table << ": " << table.rows << " rows, checksum " << table.checksum
            << " on both sides\n";
        rows += table.rows;
    }
    const auto took =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
    out << "copied " << rows << " rows from " << parsed->from << " to " << printable_store_address(parsed->to)
        << " in " << took.count() << " ms\n";
    return k_exit_ok;
}

} // namespace support::server
