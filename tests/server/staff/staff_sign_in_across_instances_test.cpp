// The staff sign-in throttle holds across instances: guesses a balancer spreads over two
// support-server instances on one PostgreSQL store are counted together, not once per instance.

#include "catch_amalgamated.hpp"

#include "server/staff/staff_session_api.h"
#include "two_instances.h"
#include "wire_client.h"

#include <string>

using namespace support::server;
using namespace support::server::test;

TEST_CASE("staff sign-in: guesses spread over two instances are throttled as if all were made at one",
          "[staff][instances][postgresql]") {
    TwoInstances instances;
    const std::string guess = R"({"email":"dana@shop.example","password":"not the password"})";
    // An account allows 5 guesses, then one a minute: 3 through one instance, 2 through the other.
    for (const std::uint16_t port :
         {instances.a.port, instances.a.port, instances.b.port, instances.a.port, instances.b.port}) {
        const auto answer =
            exchange_one(port, json_post(k_staff_session_route, guess), std::chrono::seconds(20));
        CHECK(answer.status == 401);
        CHECK(answer.body.find("api.staff.bad_credentials") != std::string::npos);
    }
    // The sixth waits, through either instance — alone, each has seen 3 or 2.
    for (const std::uint16_t port : {instances.a.port, instances.b.port}) {
        const auto answer =
            exchange_one(port, json_post(k_staff_session_route, guess), std::chrono::seconds(20));
        CHECK(answer.status == 429);
        CHECK(answer.body.find("api.staff.throttled") != std::string::npos);
        CHECK(std::stoi(std::string(answer.header("Retry-After"))) > 0);
    }
}
