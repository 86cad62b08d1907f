#include "catch_amalgamated.hpp"

#include "running_server.h"
#include "server/http/client_address.h"
#include "wire_client.h"

#include <string>

using namespace support::server;
using namespace support::server::test;

namespace {

TrustedProxies trusting(std::string_view list) {
    auto proxies = TrustedProxies::parse(list);
    REQUIRE(proxies.has_value());
    return *proxies;
}

} // namespace

TEST_CASE("trusted proxies: addresses and CIDR ranges, IPv4 and IPv6", "[client_address]") {
    const auto proxies = trusting("127.0.0.1, 10.0.0.0/8,fd00::/8");
    CHECK(proxies.contains("127.0.0.1"));
    CHECK_FALSE(proxies.contains("127.0.0.2"));
    CHECK(proxies.contains("10.200.3.4"));
    CHECK_FALSE(proxies.contains("11.0.0.1"));
    CHECK(proxies.contains("::ffff:10.0.0.5")); // an IPv4 peer on an IPv6 socket
    CHECK(proxies.contains("fd12:3456::1"));
    CHECK_FALSE(proxies.contains("fe80::1"));
    CHECK_FALSE(proxies.contains("not an address"));
    CHECK(trusting("").empty());
    CHECK(trusting("0.0.0.0/0").contains("203.0.113.7"));
}

TEST_CASE("trusted proxies: what is not an address or range is server.args.bad_trusted_proxy, naming it",
          "[client_address]") {
    for (const char* bad : {"10.0.0.0/33", "::1/129", "1.2.3.4:80", "[::1]", "lb.internal", "10.0.0.0/",
                            "10.0.0.0/x", "10.0.0.0/8/8", "127.0.0.1,,10.0.0.1", "127.0.0.1,", "1.2.3"}) {
        const auto parsed = TrustedProxies::parse(bad);
        REQUIRE_FALSE(parsed.has_value());
        CHECK(parsed.error().code == "server.args.bad_trusted_proxy");
        CHECK(parsed.error().field == "--trusted-proxy");
    }
}

TEST_CASE("client address: X-Forwarded-For is believed only from trusted proxies, hop by hop from the right",
          "[client_address]") {
    const auto proxies = trusting("127.0.0.1,10.0.0.0/8");
    // A shopper's own header is ignored: anyone can send one.
    CHECK(client_address("198.51.100.20", "203.0.113.7", proxies) == "198.51.100.20");
    CHECK(client_address("198.51.100.20", "203.0.113.7", TrustedProxies{}) == "198.51.100.20");
    // The balancer names the shopper.
    CHECK(client_address("127.0.0.1", "203.0.113.7", proxies) == "203.0.113.7");
    // Two trusted hops; the left-most entry is what the shopper claimed and is not believed.
    CHECK(client_address("127.0.0.1", "192.0.2.66, 203.0.113.7, 10.0.0.2", proxies) == "203.0.113.7");
    // Nothing untrusted: the first hop is as far as the list goes.
    CHECK(client_address("127.0.0.1", "10.0.0.3", proxies) == "10.0.0.3");
    CHECK(client_address("127.0.0.1", "", proxies) == "127.0.0.1");
    // An entry that is not an address ends the walk at the hop that wrote it.
    CHECK(client_address("127.0.0.1", "203.0.113.7, unknown", proxies) == "127.0.0.1");
    CHECK(client_address("127.0.0.1", "unknown, 203.0.113.7", proxies) == "203.0.113.7");
    // Written forms are made one: a port, brackets, an IPv4-mapped IPv6 address.
    CHECK(client_address("127.0.0.1", "203.0.113.7:5555", proxies) == "203.0.113.7");
    CHECK(client_address("127.0.0.1", "[2001:db8::1]:4711", proxies) == "2001:db8::1");
    CHECK(client_address("127.0.0.1", " ::ffff:203.0.113.9 ", proxies) == "203.0.113.9");
    CHECK(client_address("127.0.0.1", "2001:DB8:0:0::1", proxies) == "2001:db8::1");
}

TEST_CASE("server: behind a trusted proxy a request's address is the client its X-Forwarded-For names",
          "[client_address][http_server]") {
    const auto answer_address = [](const HttpRequest& request) {
        HttpResponse response;
        response.body = request.remote_address;
        return response;
    };
    const auto forwarded = [](std::string_view list) {
        return make_request("GET", "/", {{"X-Forwarded-For", std::string(list)}});
    };
    ServerOptions behind_balancer;
    behind_balancer.trusted_proxies = trusting("127.0.0.1");
    RunningServer balanced(answer_address, behind_balancer);
    CHECK(exchange_one(balanced.port(), forwarded("203.0.113.7")).body == "203.0.113.7");
    // Two headers are one list, in order.
    CHECK(exchange_one(balanced.port(), make_request("GET", "/",
                                                     {{"X-Forwarded-For", "198.51.100.1"},
                                                      {"X-Forwarded-For", "203.0.113.8"}}))
              .body == "203.0.113.8");
    CHECK(exchange_one(balanced.port(), make_request("GET", "/")).body == "127.0.0.1");

    RunningServer direct(answer_address);
    CHECK(exchange_one(direct.port(), forwarded("203.0.113.7")).body == "127.0.0.1");
}

TEST_CASE("client address: limits count an IPv4 address by itself and an IPv6 address by its /64",
          "[client_address]") {
    CHECK(address_block("203.0.113.7") == "203.0.113.7");
    CHECK(address_block("::ffff:203.0.113.7") == "203.0.113.7");
    CHECK(address_block("2001:db8:0:1:aaaa:bbbb:cccc:dddd") == "2001:db8:0:1::/64");
    CHECK(address_block("2001:db8:0:1::9") == address_block("2001:db8:0:1:ffff::1"));
    CHECK(address_block("2001:db8:0:2::9") != address_block("2001:db8:0:1::9"));
    CHECK(address_block("::1") == "::/64");
    CHECK(address_block("") == "");
    CHECK(address_block("unknown") == "unknown");
}
