#pragma once
// Days since 1970-01-01 and proleptic Gregorian dates, both ways (Howard Hinnant's algorithms), and
// the UTC forms the server and the console print. Pure arithmetic: no clock, no time zone database.
//
//   days_from_civil({2026, 12, 5})          → 20'792
//   format_utc(1'764'825'000'123)          → "2025-12-04T05:10:00Z"
//   format_utc_minute(1'764'825'000'123)   → "2025-12-04 05:10"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace support::calendar {

struct CivilDate {
    int year = 1970;
    unsigned month = 1; // 1–12
    unsigned day = 1;   // 1–31
};

std::int64_t days_from_civil(CivilDate date);
CivilDate civil_from_days(std::int64_t days);

// "YYYY-MM-DD" → its days since 1970-01-01, or nothing when it is not a real date (2023-02-29).
std::optional<std::int64_t> parse_iso_day(std::string_view text);

// Milliseconds since the Unix epoch, in UTC: "2025-12-04T05:10:00Z", and "2025-12-04 05:10".
std::string format_utc(std::int64_t ms_since_epoch);
std::string format_utc_minute(std::int64_t ms_since_epoch);

} // namespace support::calendar
