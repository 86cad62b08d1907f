// Staff presence across instances: who is online on another instance counts (until its report
// lapses), and two instances on one PostgreSQL database hear each other's arrivals and departures.

#include "catch_amalgamated.hpp"

#include "postgres_test_database.h"
#include "server/chat/presence_broadcast.h"

#include <chrono>
#include <thread>

using namespace support;
using namespace support::server;
using namespace support::server::test;
using namespace std::chrono_literals;

namespace {

StaffAccount agent(std::int64_t id, std::string email) {
    StaffAccount account;
    account.id = id;
    account.email = std::move(email);
    return account;
}

// Polls `probe` for up to `timeout`.
template <typename Probe> bool eventually(Probe probe, std::chrono::milliseconds timeout = 5s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!probe()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(20ms);
    }
    return true;
}

} // namespace

TEST_CASE("presence: staff online on another instance count until that instance's report lapses",
          "[chat][presence]") {
    auto presence = std::make_shared<StaffPresence>();
    auto here = presence->arrive(agent(1, "dana@shop.example"));
    const auto now = std::chrono::steady_clock::now();
    presence->hear_elsewhere("b", {{2, "omar@shop.example"}, {1, "dana@shop.example"}}, now + 1h);
    presence->hear_elsewhere("c", {{3, "lapsed@shop.example"}}, now - 1s);
    CHECK(presence->online() == std::vector<StaffPresence::Member>{{1, "dana@shop.example"},
                                                                   {2, "omar@shop.example"}}); // each once
    CHECK(presence->here() == std::vector<StaffPresence::Member>{{1, "dana@shop.example"}});
    here.reset();
    CHECK(presence->anyone_online()); // Omar, elsewhere
    presence->hear_elsewhere("b", {}, now + 1h);
    CHECK_FALSE(presence->anyone_online());
}

TEST_CASE("presence: two instances on one PostgreSQL store hear each other's staff come and go",
          "[chat][presence][postgresql]") {
    PostgresTestDatabase database;
    auto presence_a = std::make_shared<StaffPresence>();
    auto presence_b = std::make_shared<StaffPresence>();
    auto a = PresenceBroadcast::open(database.url(), presence_a);
    auto b = PresenceBroadcast::open(database.url(), presence_b);
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    REQUIRE(*a);
    CHECK_FALSE(presence_b->anyone_online());

    auto dana = presence_a->arrive(agent(1, "dana@shop.example"));
    CHECK(eventually([&] { return presence_b->anyone_online(); }));
    CHECK(presence_b->here().empty()); // known, not connected there
    dana.reset();
    CHECK(eventually([&] { return !presence_b->anyone_online(); }));
}

TEST_CASE("presence: a SQLite store has no broadcast", "[chat][presence]") {
    auto broadcast = PresenceBroadcast::open("var/support.db", std::make_shared<StaffPresence>());
    REQUIRE(broadcast.has_value());
    CHECK(*broadcast == nullptr);
}
