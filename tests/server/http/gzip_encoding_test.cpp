// gzip of in-memory bodies: the checksum, the member layout, and real gzip reading it back.
#include "catch_amalgamated.hpp"

#include "child_process.h"
#include "server/http/gzip_encoding.h"
#include "temp_dir.h"

#include <filesystem>
#include <string>

using namespace support::server;
using namespace support::server::test;

namespace {

// What the system's gzip makes of `member`, or nothing when it refuses it.
std::optional<std::string> gunzip_with_system_gzip(const std::string& member) {
    TempDir dir;
    const auto file = dir.write("body.gz", member);
    const auto result = run_to_completion({"/bin/sh", "-c", "gzip -dc '" + file.string() + "'"});
    if (result.exit_code != 0)
        return std::nullopt;
    return result.out;
}

} // namespace

TEST_CASE("crc32 matches the standard check value", "[gzip]") {
    CHECK(crc32("123456789") == 0xCBF43926u);
    CHECK(crc32("") == 0u);
}

TEST_CASE("gzip_compress writes a gzip member the system's gzip reads back", "[gzip]") {
    std::string body =
        R"({"articles":[{"body":"יש לכם **30 ימים**","id":"returns"}],"locale":"he","site":"demo"})";
    for (int i = 0; i < 200; ++i)
        body += " repeated text that compresses well " + std::to_string(i % 7);
    const auto member = gzip_compress(body);
    REQUIRE(member.has_value());
    CHECK(member->substr(0, 3) == std::string("\x1f\x8b\x08", 3));
    CHECK(member->size() < body.size() / 4);
    CHECK(gunzip_with_system_gzip(*member) == body);
    CHECK(gzip_compress(body) == member); // no timestamp: equal input, equal bytes
}

TEST_CASE("gzip_compress handles empty and binary input", "[gzip]") {
    const auto empty = gzip_compress("");
    REQUIRE(empty.has_value());
    CHECK(gunzip_with_system_gzip(*empty) == std::string());
    std::string binary;
    for (int i = 0; i < 70000; ++i)
        binary += static_cast<char>((i * 7919) & 0xFF);
    const auto member = gzip_compress(binary);
    REQUIRE(member.has_value());
    CHECK(gunzip_with_system_gzip(*member) == binary);
}
