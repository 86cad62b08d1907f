#include "catch_amalgamated.hpp"

#include "shared/core/persistence/shopper_key_store.h"

using namespace support::persistence;

namespace {

std::array<std::uint8_t, 16> bytes(std::uint8_t seed) {
    std::array<std::uint8_t, 16> out{};
    for (std::size_t i = 0; i < out.size(); ++i)
        out[i] = static_cast<std::uint8_t>(seed + i * 13);
    return out;
}

} // namespace

TEST_CASE("The shopper key is made once and then read back, whatever randomness comes later") {
    MemoryKeyValueStore storage;
    CHECK(stored_shopper_key(storage).empty());
    const std::string first = load_or_create_shopper_key(storage, bytes(1));
    CHECK(first.size() == 36);
    CHECK(first[14] == '4'); // a version 4 UUID
    CHECK(load_or_create_shopper_key(storage, bytes(2)) == first);
    CHECK(stored_shopper_key(storage) == first);
}

TEST_CASE("A kept key that is not a UUID is replaced; without storage the key still comes") {
    MemoryKeyValueStore storage;
    REQUIRE(storage.set(k_shopper_key_key, "set by a page script").has_value());
    const std::string key = load_or_create_shopper_key(storage, bytes(3));
    CHECK(key.size() == 36);
    CHECK(stored_shopper_key(storage) == key);

    MemoryKeyValueStore full;
    full.set_quota_bytes(0); // no room at all
    CHECK(load_or_create_shopper_key(full, bytes(4)).size() == 36);
    CHECK(stored_shopper_key(full).empty());
}
