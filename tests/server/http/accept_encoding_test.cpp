#include "catch_amalgamated.hpp"

#include "server/http/accept_encoding.h"

using namespace support::server;

TEST_CASE("gzip is accepted when listed with a positive weight", "[accept_encoding]") {
    CHECK(accepts_gzip("gzip"));
    CHECK(accepts_gzip("gzip, deflate, br"));
    CHECK(accepts_gzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
    CHECK(accepts_gzip("GZIP"));
    CHECK(accepts_gzip("x-gzip"));
    CHECK(accepts_gzip("gzip;q=0.001"));
    CHECK(accepts_gzip("gzip ; q=1"));
    CHECK(accepts_gzip("*"));
}

TEST_CASE("gzip is refused when absent, weighted zero or malformed", "[accept_encoding]") {
    CHECK_FALSE(accepts_gzip(""));
    CHECK_FALSE(accepts_gzip("identity"));
    CHECK_FALSE(accepts_gzip("br, deflate"));
    CHECK_FALSE(accepts_gzip("gzip;q=0"));
    CHECK_FALSE(accepts_gzip("gzip;q=0.000"));
    CHECK_FALSE(accepts_gzip("gzip;q=0, *"));
    CHECK_FALSE(accepts_gzip("*;q=0"));
    CHECK_FALSE(accepts_gzip("gzip;q=abc"));
    CHECK_FALSE(accepts_gzip("gzip;q=2"));
    CHECK_FALSE(accepts_gzip("gzipx"));
}
