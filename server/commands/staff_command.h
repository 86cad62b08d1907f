#pragma once
// `support-server staff …`: the staff accounts that may sign in to the console.
//
//   support-server staff add EMAIL [--role admin|agent] [--db PATH]   (role: agent)
//   support-server staff list [--db PATH]
//   support-server staff remove EMAIL [--db PATH]        (its sessions end at once)
//   support-server staff passwd EMAIL [--db PATH]        (every session of the account ends)
//
// A password is never an argument (it would stay in the shell's history and the process list):
// `add` and `passwd` ask for it twice on a terminal, without echo, or read one line from standard
// input when it is not a terminal (for scripts). Passwords are hashed with argon2id and printed
// nowhere.
//
// Exit codes (exit_codes.h): 0 done; 1 the store refused (storage.*, staff.account_exists,
// staff.account_not_found); 2 bad arguments (staff.args.*) or an unacceptable password
// (staff.password.*).

#include <istream>
#include <ostream>
#include <span>
#include <string_view>

namespace support::server {

struct StaffConsole {
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
    bool in_is_terminal = false; // ask for passwords with prompts and no echo
};

int run_staff(std::span<const std::string_view> args, StaffConsole console);

std::string_view staff_usage();

} // namespace support::server
