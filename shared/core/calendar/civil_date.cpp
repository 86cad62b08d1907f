#include "shared/core/calendar/civil_date.h"

#include <charconv>
#include <cstdio>

namespace support::calendar {

namespace {

struct UtcTime {
    CivilDate date;
    unsigned second_of_day = 0; // 0 … 86399
};

UtcTime split_utc(std::int64_t ms) {
    const std::int64_t seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000;
    const std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    return {civil_from_days(days), static_cast<unsigned>(seconds - days * 86400)};
}

} // namespace

std::int64_t days_from_civil(CivilDate date) {
    const int y = date.year - (date.month <= 2 ? 1 : 0);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(y - era * 400);
    const unsigned day_of_year =
        (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto day_of_era = static_cast<unsigned>(days - era * 146097);
    const unsigned year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned month_index = (5 * day_of_year + 2) / 153;
    CivilDate date;
    date.day = day_of_year - (153 * month_index + 2) / 5 + 1;
    date.month = month_index < 10 ? month_index + 3 : month_index - 9;
    date.year =
        static_cast<int>(static_cast<std::int64_t>(year_of_era) + era * 400 + (date.month <= 2 ? 1 : 0));
    return date;
}

std::optional<std::int64_t> parse_iso_day(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    auto number = [&](std::size_t start, std::size_t length) -> std::optional<unsigned> {
        unsigned value = 0;
        const char* first = text.data() + start;
        const auto [end, error] = std::from_chars(first, first + length, value);
        if (error != std::errc() || end != first + length)
            return std::nullopt;
        return value;
    };
    const auto year = number(0, 4);
    const auto month = number(5, 2);
    const auto day = number(8, 2);
    if (!year || !month || !day || *month < 1 || *month > 12 || *day < 1)
        return std::nullopt;
    const bool leap = (*year % 4 == 0 && *year % 100 != 0) || *year % 400 == 0;
    constexpr unsigned k_days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (*day > k_days_in_month[*month - 1] + (*month == 2 && leap ? 1 : 0))
        return std::nullopt;
    return days_from_civil({static_cast<int>(*year), *month, *day});
}

std::string format_utc(std::int64_t ms) {
    const UtcTime t = split_utc(ms);
    char out[48];
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02u:%02u:%02uZ", t.date.year, t.date.month, t.date.day,
                  t.second_of_day / 3600 % 24, t.second_of_day / 60 % 60, t.second_of_day % 60);
    return out;
}

std::string format_utc_minute(std::int64_t ms) {
    const UtcTime t = split_utc(ms);
    char out[48];
    std::snprintf(out, sizeof out, "%04d-%02u-%02u %02u:%02u", t.date.year, t.date.month, t.date.day,
                  t.second_of_day / 3600 % 24, t.second_of_day / 60 % 60);
    return out;
}

} // namespace support::calendar
