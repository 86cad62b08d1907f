#include "server/commands/staff_command.h"

#include "server/commands/exit_codes.h"
#include "server/commands/serve_config.h"
#include "server/staff/password_hashing.h"
#include "server/staff/staff_sessions.h"
#include "server/storage/storage.h"
#include "shared/core/protocol/feedback_submission.h"

#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

namespace support::server {

namespace {

constexpr std::string_view k_usage = R"(usage: support-server staff add EMAIL [--role admin|agent] [--db PATH]
       support-server staff list [--db PATH]
       support-server staff remove EMAIL [--db PATH]
       support-server staff passwd EMAIL [--db PATH]

Manages the staff accounts that sign in to the console at /console/.

  add EMAIL       a new account (role agent unless --role admin); asks for its password
  list            every account: e-mail, role, when it was added (tab-separated)
  remove EMAIL    removes the account; its sessions end at once
  passwd EMAIL    a new password for the account; every session of it ends
  --db PATH       the SQLite file support-server serve uses (default var/support.db)

Passwords are never arguments: they are asked for twice on a terminal, without echo, or read as
one line from standard input otherwise (printf '%s\n' "$PASSWORD" | support-server staff add …).
They need at least 12 characters and are stored only as argon2id hashes.
)";

struct StaffArgs {
    std::string action;
    std::string email;
    StaffRole role = StaffRole::Agent;
    std::string db = std::string(k_default_db_path);
    bool help = false;
};

Result<StaffArgs> parse_args(std::span<const std::string_view> args) {
    StaffArgs parsed;
    std::vector<std::string_view> positional;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg == "--help" || arg == "-h") {
            parsed.help = true;
        } else if (arg == "--db" || arg == "--role") {
            if (i + 1 >= args.size())
                return make_error("staff.args.missing_value", std::string(arg) + " needs a value");
            const std::string_view value = args[++i];
            if (arg == "--db") {
                parsed.db = std::string(value);
            } else if (auto role = parse_staff_role(value)) {
                parsed.role = *role;
            } else {
                return make_error("staff.args.bad_role",
                                  "--role must be admin or agent, not " + std::string(value));
            }
        } else if (arg.starts_with("--password")) {
            return make_error(
                "staff.args.password_in_argument",
                "a password is never an argument; it is asked for, or read from standard input");
        } else if (arg.starts_with("-")) {
            return make_error("staff.args.unknown_option", "unknown option " + std::string(arg));
        } else {
            positional.push_back(arg);
        }
    }
    if (parsed.help)
        return parsed;
    if (positional.empty())
        return make_error("staff.args.missing_action", "say what to do: add, list, remove or passwd");
    parsed.action = std::string(positional[0]);
    const bool needs_email = parsed.action == "add" || parsed.action == "remove" || parsed.action == "passwd";
    if (!needs_email && parsed.action != "list")
        return make_error("staff.args.unknown_action", "unknown action '" + parsed.action + "'");
    if (positional.size() != (needs_email ? 2u : 1u))
        return make_error("staff.args.wrong_count", needs_email ? parsed.action + " takes one e-mail address"
                                                                : "list takes no e-mail address");
    if (needs_email) {
        parsed.email = std::string(positional[1]);
        if (!protocol::is_reply_email(parsed.email))
            return make_error("staff.args.bad_email", "'" + parsed.email + "' is not an e-mail address");
    }
    return parsed;
}

// Reads one line with the terminal's echo off.
std::optional<std::string> read_hidden_line(std::istream& in) {
    termios saved{};
    const bool terminal = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (terminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    std::string line;
    const bool read = static_cast<bool>(std::getline(in, line));
    if (terminal)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    if (!read)
        return std::nullopt;
    return line;
}

Result<std::string> read_new_password(const StaffConsole& console, std::string_view email) {
    std::string password;
    if (console.in_is_terminal) {
        console.out << "New password for " << email << ": " << std::flush;
        auto first = read_hidden_line(console.in);
        console.out << "\nThe same again: " << std::flush;
        auto second = read_hidden_line(console.in);
        console.out << '\n';
        if (!first || !second)
            return make_error("staff.password.missing", "no password was given");
        if (*first != *second)
            return make_error("staff.password.mismatch", "the two passwords differ");
        password = std::move(*first);
    } else {
        if (!std::getline(console.in, password))
            return make_error("staff.password.missing", "no password on standard input (one line is read)");
        if (!password.empty() && password.back() == '\r')
            password.pop_back();
    }
    SW_TRY_VOID(check_new_password(password));
    return password;
}

// "2026-12-05 18:31 UTC"
std::string utc_minute(std::int64_t ms) {
    const std::time_t seconds = static_cast<std::time_t>(ms / 1000);
    std::tm parts{};
    gmtime_r(&seconds, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M UTC", &parts);
    return text;
}

int report(std::ostream& err, const Error& error, int exit_code) {
    err << error.code << ": " << error.message << '\n';
    return exit_code;
}

int exit_code_for(const Error& error) {
    return error.code.starts_with("staff.password.") || error.code.starts_with("staff.args.")
               ? k_exit_usage
               : k_exit_failure;
}

Result<void> run_action(const StaffArgs& args, const StaffConsole& console, Storage& storage) {
    if (args.action == "list") {
        SW_TRY(auto accounts, storage.list_staff());
        for (const StaffAccount& account : accounts)
            console.out << account.email << '\t' << staff_role_name(account.role) << "\tadded "
                        << utc_minute(account.created_at_ms) << '\n';
        if (accounts.empty())
            console.err << "no staff accounts yet: support-server staff add EMAIL\n";
        return ok();
    }
    if (args.action == "remove") {
        SW_TRY(bool removed, storage.remove_staff(args.email));
        if (!removed)
            return make_error("staff.account_not_found", "no staff account for " + args.email);
        console.out << "removed " << args.email << '\n';
        return ok();
    }
    SW_TRY(auto existing, storage.find_staff(args.email));
    if (args.action == "add" && existing)
        return make_error("staff.account_exists",
                          "a staff account for " + existing->email + " exists already");
    if (args.action == "passwd" && !existing)
        return make_error("staff.account_not_found", "no staff account for " + args.email);
    SW_TRY(std::string password, read_new_password(console, args.email));
    SW_TRY(std::string hash, hash_password(password));
    if (args.action == "add") {
        SW_TRY(auto account,
               storage.add_staff({args.email, args.role, hash, system_clocks().wall_ms()}));
        console.out << "added " << account.email << " (" << staff_role_name(account.role) << ")\n";
        return ok();
    }
    SW_TRY(bool changed, storage.set_staff_password(args.email, hash));
    if (!changed)
        return make_error("staff.account_not_found", "no staff account for " + args.email);
    console.out << "new password set for " << existing->email << "; its sessions have ended\n";
    return ok();
}

} // namespace

std::string_view staff_usage() {
    return k_usage;
}

int run_staff(std::span<const std::string_view> args, StaffConsole console) {
    auto parsed = parse_args(args);
    if (!parsed) {
        report(console.err, parsed.error(), k_exit_usage);
        console.err << "run 'support-server staff --help' for usage\n";
        return k_exit_usage;
    }
    if (parsed->help) {
        console.out << k_usage;
        return k_exit_ok;
    }
    auto storage = open_storage(parsed->db);
    if (!storage)
        return report(console.err, storage.error(), k_exit_failure);
    auto done = run_action(*parsed, console, **storage);
    if (!done)
        return report(console.err, done.error(), exit_code_for(done.error()));
    return k_exit_ok;
}

} // namespace support::server
