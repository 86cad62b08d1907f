#include "catch_amalgamated.hpp"

#include "server/content/site_settings.h"
#include "temp_dir.h"

using namespace support::server;
using support::server::test::TempDir;

TEST_CASE("site.json lists the store origins that may send feedback", "[site_settings]") {
    const auto loaded = parse_site_settings(
        R"({"allowed_origins":["https://Shop.Example","https://www.shop.example:8443","http://127.0.0.1:*","http://[::1]:8080"]})");
    CHECK(loaded.problems.empty());
    const SiteSettings& settings = loaded.settings;
    CHECK(settings.allows_origin("https://shop.example"));
    CHECK(settings.allows_origin("https://www.shop.example:8443"));
    CHECK(settings.allows_origin("http://127.0.0.1:5173"));
    CHECK(settings.allows_origin("http://127.0.0.1"));
    CHECK(settings.allows_origin("http://[::1]:8080"));
    CHECK_FALSE(settings.allows_origin("http://shop.example"));          // another scheme
    CHECK_FALSE(settings.allows_origin("https://shop.example:444"));     // another port
    CHECK_FALSE(settings.allows_origin("https://evil.shop.example"));    // another host
    CHECK_FALSE(settings.allows_origin("https://shop.example.evil.io")); // a suffix is not a match
    CHECK_FALSE(settings.allows_origin("null"));
    CHECK_FALSE(settings.allows_origin("http://127.0.0.1:*")); // a wildcard is not an origin
}

TEST_CASE("site.json problems name the setting and are reported like content problems", "[site_settings]") {
    const auto loaded = parse_site_settings(
        R"({"allowed_origins":["https://shop.example/cart",5,"ftp://x.example","https://ok.example"],"colour":"red"})");
    REQUIRE(loaded.problems.size() == 4);
    CHECK(loaded.problems[0].code == "site.settings.unknown_field");
    CHECK(loaded.problems[0].pointer == "/colour");
    CHECK(loaded.problems[1].code == "site.settings.bad_origin");
    CHECK(loaded.problems[1].pointer == "/allowed_origins/0");
    CHECK(loaded.problems[1].file == "site.json");
    CHECK(loaded.problems[2].code == "site.settings.wrong_type");
    CHECK(loaded.problems[2].pointer == "/allowed_origins/1");
    CHECK(loaded.problems[3].code == "site.settings.bad_origin");
    REQUIRE(loaded.settings.allowed_origins.size() == 1); // the good one is kept
    CHECK(parse_site_settings("{").problems.at(0).code == "site.settings.invalid_json");
    CHECK(parse_site_settings("[]").problems.at(0).code == "site.settings.not_an_object");
    CHECK(parse_site_settings(R"({"allowed_origins":"https://a.example"})").problems.at(0).code ==
          "site.settings.wrong_type");
}

TEST_CASE("a content folder without site.json has no allowed origins and no problems", "[site_settings]") {
    TempDir dir;
    CHECK(load_site_settings(dir.path()).settings.allowed_origins.empty());
    CHECK(load_site_settings(dir.path()).problems.empty());
    dir.write("site.json", R"({"allowed_origins":["https://shop.example"]})");
    CHECK(load_site_settings(dir.path()).settings.allows_origin("https://shop.example"));
}

TEST_CASE("site.json's identity_secret is kept when long enough, refused with its pointer otherwise",
          "[site_settings]") {
    const auto kept = parse_site_settings(R"({"identity_secret":"0123456789abcdef0123"})");
    CHECK(kept.problems.empty());
    CHECK(kept.settings.identity_secret == "0123456789abcdef0123");
    const auto short_one = parse_site_settings(R"({"identity_secret":"secret"})");
    REQUIRE(short_one.problems.size() == 1);
    CHECK(short_one.problems[0].code == "site.settings.weak_secret");
    CHECK(short_one.problems[0].pointer == "/identity_secret");
    CHECK(short_one.settings.identity_secret.empty());
    CHECK(parse_site_settings(R"({"identity_secret":42})").problems.at(0).code == "site.settings.wrong_type");
}
