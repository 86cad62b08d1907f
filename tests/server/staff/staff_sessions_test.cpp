#include "catch_amalgamated.hpp"

#include "server/staff/password_hashing.h"
#include "server/staff/session_token.h"
#include "server/staff/staff_sessions.h"
#include "temp_dir.h"

#include <memory>

using namespace support::server;
using support::server::test::TempDir;

namespace {

constexpr std::int64_t k_minute = 60'000;
constexpr std::int64_t k_hour = 60 * k_minute;
const std::string k_password = "correct horse battery staple";

// A real store with one agent, and clocks the test moves.
struct SignInBench {
    TempDir dir;
    std::shared_ptr<Storage> storage = open_storage((dir.path() / "support.db").string()).value();
    std::int64_t wall = 1'764'825'000'000;
    std::int64_t steady = 0;
    StaffSessions sessions{storage, StaffSessionPolicy{},
                           ServiceClocks{[this] { return wall; }, [this] { return steady; }}};

    SignInBench() {
        const PasswordHashCost cheap{.memory_kib = 64, .passes = 1, .lanes = 1};
        REQUIRE(storage
                    ->add_staff(
                        {"avi@shop.example", StaffRole::Agent, hash_password(k_password, cheap).value(), 0})
                    .has_value());
    }
    void advance(std::int64_t ms) {
        wall += ms;
        steady += ms;
    }
};

const SignedIn& signed_in(const std::variant<SignedIn, SignInRefused>& outcome) {
    if (const auto* refused = std::get_if<SignInRefused>(&outcome))
        FAIL(refused->error.code + ": " + refused->error.message);
    return std::get<SignedIn>(outcome);
}

std::string refusal(const std::variant<SignedIn, SignInRefused>& outcome) {
    const auto* refused = std::get_if<SignInRefused>(&outcome);
    return refused ? refused->error.code : "signed in";
}

} // namespace

TEST_CASE("staff sign in with the right password and are recognised by their token, not by its digest",
          "[staff][sessions]") {
    SignInBench bench;
    const SignedIn in = signed_in(bench.sessions.sign_in("AVI@shop.example", k_password, "10.0.0.1"));
    CHECK(in.staff.email == "avi@shop.example");
    CHECK(in.token != in.csrf_token);
    CHECK(in.expires_at_ms == bench.wall + 12 * k_hour);

    const auto session = bench.sessions.resolve(in.token).value();
    REQUIRE(session.has_value());
    CHECK(session->staff.email == "avi@shop.example");
    CHECK(session->csrf_token == in.csrf_token);
    CHECK(session->token_digest == token_digest(in.token));
    CHECK_FALSE(
        bench.sessions.resolve(session->token_digest).value().has_value()); // a stolen digest is no key
    CHECK_FALSE(bench.sessions.resolve("").value().has_value());
}

TEST_CASE("a wrong password and an unknown address get the same answer", "[staff][sessions]") {
    SignInBench bench;
    const auto wrong = bench.sessions.sign_in("avi@shop.example", "not the password", "10.0.0.1");
    const auto unknown = bench.sessions.sign_in("nobody@shop.example", k_password, "10.0.0.1");
    CHECK(refusal(wrong) == "api.staff.bad_credentials");
    CHECK(refusal(unknown) == "api.staff.bad_credentials");
    CHECK(std::get<SignInRefused>(wrong).error.message == std::get<SignInRefused>(unknown).error.message);
    CHECK(std::get<SignInRefused>(wrong).error.message.find("not the password") == std::string::npos);
}

TEST_CASE("repeated sign-in attempts are throttled per account and per client address, then recover",
          "[staff][sessions]") {
    SignInBench bench;
    for (int i = 0; i < 5; ++i)
        CHECK(refusal(bench.sessions.sign_in("avi@shop.example", "guess " + std::to_string(i), "10.0.0.1")) ==
              "api.staff.bad_credentials");
    const auto throttled = bench.sessions.sign_in("avi@shop.example", k_password, "10.0.0.2");
    CHECK(refusal(throttled) == "api.staff.throttled"); // even with the right password, from elsewhere
    CHECK(std::get<SignInRefused>(throttled).retry_after_ms.value() > 0);
    bench.advance(k_minute);
    CHECK(signed_in(bench.sessions.sign_in("avi@shop.example", k_password, "10.0.0.2")).staff.email ==
          "avi@shop.example");

    // Right passwords do not use up the account's attempts: staff sign in on several devices.
    for (int i = 0; i < 8; ++i)
        CHECK(signed_in(bench.sessions.sign_in("avi@shop.example", k_password, "10.0.1." + std::to_string(i)))
                  .staff.email == "avi@shop.example");

    // One address trying many accounts runs out too.
    for (int i = 0; i < 20; ++i)
        (void)bench.sessions.sign_in("user" + std::to_string(i) + "@shop.example", "guess", "10.0.0.9");
    CHECK(refusal(bench.sessions.sign_in("avi@shop.example", k_password, "10.0.0.9")) ==
          "api.staff.throttled");
}

TEST_CASE("instances sharing a store share the sign-in throttle, and a restart does not reset it",
          "[staff][sessions]") {
    SignInBench bench;
    // A second instance on the same store: its own memory, the same buckets in the store.
    StaffSessions other{bench.storage, StaffSessionPolicy{},
                        ServiceClocks{[&] { return bench.wall; }, [&] { return bench.steady; }}};
    for (int i = 0; i < 5; ++i) {
        StaffSessions& instance = i % 2 == 0 ? bench.sessions : other;
        CHECK(refusal(instance.sign_in("avi@shop.example", "guess " + std::to_string(i), "10.0.0.1")) ==
              "api.staff.bad_credentials");
    }
    CHECK(refusal(other.sign_in("avi@shop.example", k_password, "10.0.0.2")) == "api.staff.throttled");
    CHECK(refusal(bench.sessions.sign_in("avi@shop.example", k_password, "10.0.0.3")) ==
          "api.staff.throttled");

    StaffSessions restarted{bench.storage, StaffSessionPolicy{},
                            ServiceClocks{[&] { return bench.wall; }, [&] { return bench.steady; }}};
    CHECK(refusal(restarted.sign_in("avi@shop.example", k_password, "10.0.0.4")) == "api.staff.throttled");

    bench.advance(k_minute); // one attempt regained, and the right password gives it back
    CHECK(signed_in(restarted.sign_in("avi@shop.example", k_password, "10.0.0.4")).staff.email ==
          "avi@shop.example");
    CHECK(signed_in(other.sign_in("avi@shop.example", k_password, "10.0.0.5")).staff.email ==
          "avi@shop.example");
}

TEST_CASE("a session ends when idle too long, when too old even if used, on sign-out and on a new password",
          "[staff][sessions]") {
    SignInBench bench;
    const auto idle = signed_in(bench.sessions.sign_in("avi@shop.example", k_password, "10.0.0.1"));
    bench.advance(3 * k_hour);
    CHECK(bench.sessions.resolve(idle.token).value().has_value()); // used: idle time starts again
    bench.advance(4 * k_hour - k_minute);
    CHECK(bench.sessions.resolve(idle.token).value().has_value());
    bench.advance(4 * k_hour);
    CHECK_FALSE(bench.sessions.resolve(idle.token).value().has_value());

    const auto busy = signed_in(bench.sessions.sign_in("avi@shop.example", k_password, "10.0.0.1"));
    for (int hour = 0; hour < 11; ++hour) {
        bench.advance(k_hour);
        CHECK(bench.sessions.resolve(busy.token).value().has_value());
    }
    bench.advance(k_hour);
    CHECK_FALSE(bench.sessions.resolve(busy.token).value().has_value()); // 12 hours after sign-in

    const auto out = signed_in(bench.sessions.sign_in("avi@shop.example", k_password, "10.0.0.1"));
    REQUIRE(bench.sessions.sign_out(out.token).has_value());
    CHECK_FALSE(bench.sessions.resolve(out.token).value().has_value());

    const auto revoked = signed_in(bench.sessions.sign_in("avi@shop.example", k_password, "10.0.0.1"));
    REQUIRE(bench.storage->set_staff_password("avi@shop.example",
                                              hash_password("another long password").value()));
    CHECK_FALSE(bench.sessions.resolve(revoked.token).value().has_value());
}

TEST_CASE("sessions that ended by time are cleared from the store when someone signs in",
          "[staff][sessions]") {
    SignInBench bench;
    const auto old = signed_in(bench.sessions.sign_in("avi@shop.example", k_password, "10.0.0.1"));
    bench.advance(5 * k_hour);
    CHECK(bench.storage->find_staff_session(token_digest(old.token))
              .value()
              .has_value()); // ended, still stored
    (void)signed_in(bench.sessions.sign_in("avi@shop.example", k_password, "10.0.0.1"));
    CHECK_FALSE(bench.storage->find_staff_session(token_digest(old.token)).value().has_value());
}

TEST_CASE("the decoy an unknown address is checked against costs what a real account's password costs",
          "[staff][sessions]") {
    const std::string decoy(decoy_password_hash());
    const std::string real = hash_password("any password of twelve or more").value();
    // Same algorithm, version and cost parameters: everything before the salt.
    const auto parameters = [](const std::string& encoded) {
        return encoded.substr(0, encoded.find('$', 20));
    };
    CHECK(parameters(decoy) == parameters(real));
    CHECK(parameters(decoy) == "$argon2id$v=19$m=19456,t=2,p=1");
    CHECK_FALSE(verify_password(decoy, "decoy password for unknown addresses"));
}
