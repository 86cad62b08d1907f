#include "catch_amalgamated.hpp"

#include "shared/core/calendar/civil_date.h"

using namespace support::calendar;

TEST_CASE("civil dates: days and dates convert both ways across leap years and before 1970", "[calendar]") {
    CHECK(days_from_civil({1970, 1, 1}) == 0);
    CHECK(days_from_civil({2024, 2, 29}) == 19'782);
    CHECK(days_from_civil({2000, 3, 1}) == 11'017);
    CHECK(days_from_civil({1969, 12, 31}) == -1);
    for (std::int64_t days = -800'000; days <= 800'000; days += 997) {
        const CivilDate date = civil_from_days(days);
        CHECK(days_from_civil(date) == days);
    }
}

TEST_CASE("civil dates: an ISO day must be a real one", "[calendar]") {
    CHECK(parse_iso_day("1970-01-01") == 0);
    CHECK(parse_iso_day("2024-02-29") == 19'782);
    CHECK_FALSE(parse_iso_day("2023-02-29"));
    CHECK_FALSE(parse_iso_day("2026-13-01"));
    CHECK_FALSE(parse_iso_day("2026-04-31"));
    CHECK_FALSE(parse_iso_day("2026-4-01"));
    CHECK_FALSE(parse_iso_day("20261201"));
    CHECK_FALSE(parse_iso_day("2026-12-0x"));
    CHECK_FALSE(parse_iso_day("+026-12-01"));
}

TEST_CASE("civil dates: UTC times print to the second and to the minute", "[calendar]") {
    CHECK(format_utc(0) == "1970-01-01T00:00:00Z");
    CHECK(format_utc(1'764'825'000'123) == "2025-12-04T05:10:00Z");
    CHECK(format_utc(951'782'400'000) == "2000-02-29T00:00:00Z");
    CHECK(format_utc(-1) == "1969-12-31T23:59:59Z");
    CHECK(format_utc_minute(1'764'825'059'999) == "2025-12-04 05:10");
    CHECK(format_utc_minute(-60'001) == "1969-12-31 23:58");
}
