#include "catch_amalgamated.hpp"

#include "shared/core/persistence/key_value_store.h"

using namespace support::persistence;

TEST_CASE("the memory store keeps, replaces and removes values", "[key_value_store]") {
    MemoryKeyValueStore store;
    CHECK_FALSE(store.get("a").value().has_value());
    REQUIRE(store.set("a", "1"));
    REQUIRE(store.set("a", "2"));
    CHECK(store.get("a").value() == "2");
    REQUIRE(store.remove("a"));
    REQUIRE(store.remove("a"));
    CHECK_FALSE(store.get("a").value().has_value());
}

TEST_CASE("the memory store can be unavailable or full, as a browser's can", "[key_value_store]") {
    MemoryKeyValueStore store;
    store.set_quota_bytes(10);
    REQUIRE(store.set("key", "1234567"));
    CHECK(store.set("key", "12345678").error().code == "web.storage.quota_exceeded");
    CHECK(store.get("key").value() == "1234567"); // a refused write changes nothing
    REQUIRE(store.set("key", "123"));             // replacing frees the old value's room
    store.set_available(false);
    CHECK(store.get("key").error().code == "web.storage.unavailable");
    CHECK(store.set("key", "x").error().code == "web.storage.unavailable");
}
