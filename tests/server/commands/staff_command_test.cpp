#include "catch_amalgamated.hpp"

#include "server/commands/staff_command.h"
#include "server/staff/password_hashing.h"
#include "server/storage/storage.h"
#include "temp_dir.h"

#include <sstream>
#include <string>
#include <vector>

using namespace support::server;
using support::server::test::TempDir;

namespace {

struct Ran {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs `support-server staff …` in-process with `input` as standard input (not a terminal).
Ran staff(const std::vector<std::string>& args, const std::string& input = {}) {
    std::vector<std::string_view> views(args.begin(), args.end());
    std::istringstream in(input);
    std::ostringstream out;
    std::ostringstream err;
    const int code = run_staff(views, {in, out, err, false});
    return {code, out.str(), err.str()};
}

struct StaffDb {
    TempDir dir;
    std::string path = (dir.path() / "var" / "support.db").string();
};

} // namespace

TEST_CASE(
    "staff add reads the password from standard input, stores only its hash, and list shows the account",
    "[staff][cli]") {
    StaffDb db;
    const std::string password = "correct horse battery staple";
    const auto added =
        staff({"add", "dana@shop.example", "--role", "admin", "--db", db.path}, password + "\n");
    CHECK(added.exit_code == 0);
    CHECK(added.out == "added dana@shop.example (admin)\n");
    CHECK(added.out.find(password) == std::string::npos);
    CHECK(added.err.empty());

    const auto listed = staff({"list", "--db", db.path});
    CHECK(listed.exit_code == 0);
    CHECK(listed.out.starts_with("dana@shop.example\tadmin\t"));
    CHECK(listed.out.find("argon2") == std::string::npos);

    auto storage = open_storage(db.path).value();
    const auto account = storage->find_staff("DANA@shop.example").value();
    REQUIRE(account.has_value());
    CHECK(account->password_hash.starts_with("$argon2id$"));
    CHECK(account->password_hash.find(password) == std::string::npos);
    CHECK(verify_password(account->password_hash, password));
}

TEST_CASE("staff passwd sets a new password and ends the account's sessions; remove ends the account",
          "[staff][cli]") {
    StaffDb db;
    REQUIRE(staff({"add", "avi@shop.example", "--db", db.path}, "first password long\n").exit_code == 0);
    {
        auto storage = open_storage(db.path).value();
        const auto avi = storage->find_staff("avi@shop.example").value().value();
        CHECK(avi.role == StaffRole::Agent);
        REQUIRE(storage->add_staff_session({"digest", avi.id, "csrf", 1}).has_value());
    }
    const auto changed = staff({"passwd", "avi@shop.example", "--db", db.path}, "second password long\r\n");
    CHECK(changed.exit_code == 0);
    {
        auto storage = open_storage(db.path).value();
        CHECK_FALSE(storage->find_staff_session("digest").value().has_value());
        CHECK(verify_password(storage->find_staff("avi@shop.example").value()->password_hash,
                              "second password long"));
    }
    CHECK(staff({"remove", "avi@shop.example", "--db", db.path}).exit_code == 0);
    const auto again = staff({"remove", "avi@shop.example", "--db", db.path});
    CHECK(again.exit_code == 1);
    CHECK(again.err.starts_with("staff.account_not_found: "));
    CHECK(staff({"passwd", "avi@shop.example", "--db", db.path}, "third password long\n").exit_code == 1);
}

TEST_CASE("staff commands refuse bad input with a stable id and never take a password as an argument",
          "[staff][cli]") {
    StaffDb db;
    const auto short_password = staff({"add", "dana@shop.example", "--db", db.path}, "short\n");
    CHECK(short_password.exit_code == 2);
    CHECK(short_password.err.starts_with("staff.password.too_short: "));
    CHECK(short_password.err.find("'short'") == std::string::npos); // the password is not echoed

    CHECK(staff({"add", "dana@shop.example", "--db", db.path}).err.starts_with("staff.password.missing: "));
    const auto in_argument =
        staff({"add", "dana@shop.example", "--password=hunter2hunter2", "--db", db.path});
    CHECK(in_argument.exit_code == 2);
    CHECK(in_argument.err.starts_with("staff.args.password_in_argument: "));
    CHECK(in_argument.err.find("hunter2") == std::string::npos);

    CHECK(staff({"add", "not-an-address", "--db", db.path}).err.starts_with("staff.args.bad_email: "));
    CHECK(staff({"add", "dana@shop.example", "--role", "owner"}).err.starts_with("staff.args.bad_role: "));
    CHECK(staff({"frobnicate"}).err.starts_with("staff.args.unknown_action: "));
    CHECK(staff({}).err.starts_with("staff.args.missing_action: "));
    CHECK(staff({"list", "dana@shop.example"}).err.starts_with("staff.args.wrong_count: "));

    REQUIRE(staff({"add", "dana@shop.example", "--db", db.path}, "a long enough password\n").exit_code == 0);
    const auto twice = staff({"add", "Dana@Shop.example", "--db", db.path}, "a long enough password\n");
    CHECK(twice.exit_code == 1);
    CHECK(twice.err.starts_with("staff.account_exists: "));

    const auto help = staff({"--help"});
    CHECK(help.exit_code == 0);
    CHECK(help.out.find("support-server staff add EMAIL") != std::string::npos);
}
