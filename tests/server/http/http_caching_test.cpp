#include "catch_amalgamated.hpp"

#include "server/http/http_caching.h"

#include <chrono>

using namespace support::server;
using namespace std::chrono_literals;

TEST_CASE("ETags are strong, quoted, and differ by size, mtime and variant", "[http_caching]") {
    const auto tag = make_etag(0x1f, 0xabcns, FileVariant::Identity);
    CHECK(tag == "\"1f-abc\"");
    CHECK(make_etag(0x1f, 0xabcns, FileVariant::Gzip) == "\"1f-abc-gz\"");
    CHECK(make_etag(0x20, 0xabcns, FileVariant::Identity) != tag);
    CHECK(make_etag(0x1f, 0xabdns, FileVariant::Identity) != tag);
}

TEST_CASE("If-None-Match matches a listed tag, a weak form of it, or *", "[http_caching]") {
    const std::string tag = "\"1f-abc\"";
    CHECK(if_none_match_matches("\"1f-abc\"", tag));
    CHECK(if_none_match_matches("\"other\", \"1f-abc\"", tag));
    CHECK(if_none_match_matches("\"other\",\"1f-abc\"", tag));
    CHECK(if_none_match_matches("W/\"1f-abc\"", tag));
    CHECK(if_none_match_matches("*", tag));
    CHECK(if_none_match_matches("\"a,b\", \"1f-abc\"", tag));
}

TEST_CASE("If-None-Match does not match other tags, variants or garbage", "[http_caching]") {
    const std::string tag = "\"1f-abc\"";
    CHECK_FALSE(if_none_match_matches("", tag));
    CHECK_FALSE(if_none_match_matches("\"1f-abc-gz\"", tag));
    CHECK_FALSE(if_none_match_matches("\"1f-ab\"", tag));
    CHECK_FALSE(if_none_match_matches("1f-abc", tag));
    CHECK_FALSE(if_none_match_matches("\"1f-abc", tag));
}

TEST_CASE("only the names the build writes (name.<10 lowercase hex>.ext) count as content-hashed",
          "[http_caching]") {
    CHECK(has_content_hash("support-widget-core.3fa9c2d1e0.wasm"));
    CHECK(has_content_hash("support-widget-core.3fa9c2d1e0.guide.mjs"));
    CHECK(has_content_hash("fonts/noto-sans-latin.14f46cd7de.ttf"));
    CHECK_FALSE(has_content_hash("20241205.html"));      // a dated page the owner may replace
    CHECK_FALSE(has_content_hash("3fa9c2d1e0.js"));      // no name before the hash
    CHECK_FALSE(has_content_hash("sale.20241205.html")); // 8 digits
    CHECK_FALSE(has_content_hash("app.DEADBEEF00.js"));  // the build writes lowercase
    CHECK_FALSE(has_content_hash("app.3fa9c2d1e0f.js")); // 11 digits
    CHECK_FALSE(has_content_hash("support-widget.js"));
    CHECK_FALSE(has_content_hash("app.3fa9c2dz.js"));    // not hex
    CHECK_FALSE(has_content_hash("app-3fa9c2d1e0.js"));  // not dot-separated
    CHECK_FALSE(has_content_hash("archive.3fa9c2d1e0")); // that is the extension
}

TEST_CASE("Cache-Control: hashed names immutable, HTML revalidated, the rest five minutes",
          "[http_caching]") {
    CHECK(cache_control_for("support-widget-core.3fa9c2d1e0.wasm") == "public, max-age=31536000, immutable");
    CHECK(cache_control_for("support-widget.3fa9c2d1e0.js") == "public, max-age=31536000, immutable");
    CHECK(cache_control_for("index.html") == "no-cache");
    CHECK(cache_control_for("support-widget.js") == "public, max-age=300");
    CHECK(cache_control_for("styles.css") == "public, max-age=300");
}

TEST_CASE("ETags over bytes are strong, quoted, stable and differ when the bytes do", "[http_caching]") {
    const std::string tag = make_etag_for_bytes(R"({"articles":[]})");
    CHECK(tag.front() == '"');
    CHECK(tag.back() == '"');
    CHECK_FALSE(tag.starts_with("W/"));
    CHECK(make_etag_for_bytes(R"({"articles":[]})") == tag);
    CHECK(make_etag_for_bytes(R"({"articles":[1]})") != tag);
    CHECK(make_etag_for_bytes("") != make_etag_for_bytes(std::string(1, '\0')));
    CHECK(if_none_match_matches(tag, tag));
}
