// Who is online: each member once, however many console tabs, until the last one closes.

#include "catch_amalgamated.hpp"

#include "server/chat/staff_presence.h"

using namespace support::server;

TEST_CASE("presence: a member is online while any of their inbox streams is open", "[staff_presence]") {
    auto presence = std::make_shared<StaffPresence>();
    CHECK_FALSE(presence->anyone_online());
    StaffAccount dana;
    dana.id = 1;
    dana.email = "dana@shop.example";
    StaffAccount omar;
    omar.id = 2;
    omar.email = "omar@shop.example";
    auto first_tab = presence->arrive(dana);
    auto second_tab = presence->arrive(dana);
    auto omar_tab = presence->arrive(omar);
    REQUIRE(presence->online().size() == 2);
    CHECK(presence->online()[0].email == "dana@shop.example");
    first_tab.reset();
    CHECK(presence->online().size() == 2); // Dana still has a tab open
    second_tab.reset();
    REQUIRE(presence->online().size() == 1);
    CHECK(presence->online()[0].email == "omar@shop.example");
    omar_tab.reset();
    CHECK_FALSE(presence->anyone_online());
}
