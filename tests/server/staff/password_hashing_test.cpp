#include "catch_amalgamated.hpp"

#include "server/staff/password_hashing.h"
#include "server/staff/session_token.h"

#include <set>

using namespace support::server;

namespace {
// Cheap parameters: the tests check behaviour, not cost.
constexpr PasswordHashCost k_test_cost{.memory_kib = 64, .passes = 1, .lanes = 1};
} // namespace

TEST_CASE("a staff password is stored as an argon2id hash that verifies it and nothing else",
          "[staff][password]") {
    const auto hash = hash_password("correct horse battery", k_test_cost);
    REQUIRE(hash.has_value());
    CHECK(hash->starts_with("$argon2id$v=19$m=64,t=1,p=1$"));
    CHECK(hash->find("correct horse") == std::string::npos);
    CHECK(verify_password(*hash, "correct horse battery"));
    CHECK_FALSE(verify_password(*hash, "correct horse batterY"));
    CHECK_FALSE(verify_password(*hash, ""));
    CHECK_FALSE(verify_password("not a hash", "correct horse battery"));
    // A fresh salt each time: the same password never gives the same hash.
    CHECK(hash_password("correct horse battery", k_test_cost).value() != *hash);
}

TEST_CASE("the default cost is argon2id at 19 MiB and 2 passes", "[staff][password]") {
    const auto hash = hash_password("correct horse battery");
    REQUIRE(hash.has_value());
    CHECK(hash->starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    CHECK(verify_password(*hash, "correct horse battery"));
}

TEST_CASE("a new staff password needs 12 characters, counted as characters not bytes", "[staff][password]") {
    CHECK(check_new_password("short").error().code == "staff.password.too_short");
    CHECK(check_new_password("אבגדהוזחטיכ").error().code ==
          "staff.password.too_short"); // 11 letters, 22 bytes
    CHECK(check_new_password("אבגדהוזחטיכל").has_value());
    CHECK(check_new_password(std::string(1025, 'x')).error().code == "staff.password.too_long");
}

TEST_CASE("session tokens are random, URL-safe and kept only as a digest", "[staff][token]") {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const auto token = new_secret_token();
        REQUIRE(token.has_value());
        CHECK(token->size() == 43);
        CHECK(token->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
              std::string::npos);
        seen.insert(*token);
    }
    CHECK(seen.size() == 100);
    CHECK(token_digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(secrets_equal("same", "same"));
    CHECK_FALSE(secrets_equal("same", "sama"));
    CHECK_FALSE(secrets_equal("same", "same!"));
}
