// Client ids: what format_uuid_v4 writes, and what is_uuid and canonical_uuid accept.
#include "catch_amalgamated.hpp"

#include "shared/core/protocol/uuid.h"

#include <array>
#include <cstdint>

using namespace support::protocol;

TEST_CASE("format_uuid_v4 writes lowercase 8-4-4-4-12 with the version and variant bits set") {
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(0x10 * i + i);
    CHECK(format_uuid_v4(bytes) == "00112233-4455-4677-8899-aabbccddeeff");

    bytes.fill(0xFF);
    CHECK(format_uuid_v4(bytes) == "ffffffff-ffff-4fff-bfff-ffffffffffff");
    bytes.fill(0x00);
    CHECK(format_uuid_v4(bytes) == "00000000-0000-4000-8000-000000000000");
}

TEST_CASE("a formatted UUID is accepted by is_uuid and is already canonical") {
    std::array<std::uint8_t, 16> bytes{};
    for (unsigned seed = 0; seed < 64; ++seed) {
        for (std::size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = static_cast<std::uint8_t>(seed * 37 + i * 101);
        const std::string id = format_uuid_v4(bytes);
        CHECK(is_uuid(id));
        CHECK(canonical_uuid(id) == id);
    }
}

TEST_CASE("is_uuid accepts any version and either case") {
    CHECK(is_uuid("6f1c0b7e-3d2a-1c5b-9e8f-0a1b2c3d4e5f")); // version 1
    CHECK(is_uuid("6F1C0B7E-3D2A-7C5B-9E8F-0A1B2C3D4E5F")); // version 7, uppercase
    CHECK(is_uuid("00000000-0000-0000-0000-000000000000"));
}

TEST_CASE("is_uuid refuses anything but exactly 36 characters in the 8-4-4-4-12 shape") {
    CHECK_FALSE(is_uuid(""));
    CHECK_FALSE(is_uuid("6f1c0b7e-3d2a-4c5b-9e8f-0a1b2c3d4e5"));   // 35
    CHECK_FALSE(is_uuid("6f1c0b7e-3d2a-4c5b-9e8f-0a1b2c3d4e5f0")); // 37
    CHECK_FALSE(is_uuid("{6f1c0b7e-3d2a-4c5b-9e8f-0a1b2c3d4e5}"));
    CHECK_FALSE(is_uuid("6f1c0b7e3-d2a-4c5b-9e8f-0a1b2c3d4e5f")); // a dash out of place
    CHECK_FALSE(is_uuid("6f1c0b7g-3d2a-4c5b-9e8f-0a1b2c3d4e5f")); // not hex
    CHECK_FALSE(is_uuid("6f1c0b7e 3d2a-4c5b-9e8f-0a1b2c3d4e5f"));
    CHECK_FALSE(is_uuid(std::string_view("6f1c0b7e-3d2a-4c5b-9e8f-0a1b2c3d4e5\0", 36)));
}

TEST_CASE("canonical_uuid lowercases a UUID and refuses anything else") {
    CHECK(canonical_uuid("6F1C0B7E-3D2A-4C5B-9E8F-0A1B2C3D4E5F") == "6f1c0b7e-3d2a-4c5b-9e8f-0a1b2c3d4e5f");
    CHECK_FALSE(canonical_uuid("not-a-uuid"));
}
