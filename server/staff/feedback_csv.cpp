#include "server/staff/feedback_csv.h"

#include <array>
#include <cstdio>

namespace support::server {

namespace {

constexpr std::array<std::string_view, 18> k_columns = {
    "id",         "received_at", "site",        "kind",    "subject", "helpful",    "guide_outcome",
    "guide_step", "status",      "tags",        "locale",  "page",    "page_title", "product",
    "sku",        "comment",     "reply_email", "viewport"};

bool starts_like_a_formula(std::string_view text) {
    return !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                             text[0] == '\t' || text[0] == '\r');
}

void append_row(std::string& out, std::span<const std::string> cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0)
            out += ',';
        out += csv_cell(cells[i]);
    }
    out += "\r\n";
}

// Days since 1970-01-01 → civil date (Howard Hinnant's civil_from_days).
void civil_from_days(std::int64_t days, int& year, unsigned& month, unsigned& day) {
    days += 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto day_of_era = static_cast<unsigned>(days - era * 146097);
    const unsigned year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned month_index = (5 * day_of_year + 2) / 153;
    day = day_of_year - (153 * month_index + 2) / 5 + 1;
    month = month_index < 10 ? month_index + 3 : month_index - 9;
    year = static_cast<int>(static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0));
}

} // namespace

std::string csv_cell(std::string_view text) {
    std::string value;
    if (starts_like_a_formula(text))
        value += '\'';
    value += text;
    if (value.find_first_of(",\"\r\n") == std::string::npos)
        return value;
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

std::string format_utc_time(std::int64_t ms_since_epoch) {
    const std::int64_t seconds = ms_since_epoch >= 0 ? ms_since_epoch / 1000 : (ms_since_epoch - 999) / 1000;
    const std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    const auto second_of_day = static_cast<unsigned>(seconds - days * 86400); // 0 … 86399
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civil_from_days(days, year, month, day);
    char text[48];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02u:%02u:%02uZ", year, month, day,
                  second_of_day / 3600 % 24, second_of_day / 60 % 60, second_of_day % 60);
    return text;
}

std::string feedback_csv_header() {
    std::string out = "\xEF\xBB\xBF";
    const std::vector<std::string> names(k_columns.begin(), k_columns.end());
    append_row(out, names);
    return out;
}

std::string feedback_csv_row(const StoredFeedback& item) {
    const auto& s = item.submission;
    std::string tags;
    for (const auto& tag : item.tags) {
        if (!tags.empty())
            tags += "; ";
        tags += tag;
    }
    const std::array<std::string, k_columns.size()> cells = {
        std::to_string(item.id),
        format_utc_time(item.received_at_ms),
        item.site,
        std::string(protocol::feedback_kind_name(s.kind)),
        s.subject,
        s.helpful ? (*s.helpful ? "yes" : "no") : "",
        s.outcome ? std::string(protocol::guide_outcome_name(*s.outcome)) : "",
        s.step,
        std::string(feedback_status_name(item.status)),
        tags,
        s.locale,
        s.context.page_url,
        s.context.page_title,
        s.context.product ? s.context.product->name : "",
        s.context.product ? s.context.product->sku : "",
        s.comment,
        s.email,
        s.context.viewport,
    };
    std::string out;
    append_row(out, cells);
    return out;
}

} // namespace support::server
