#include "server/staff/feedback_csv.h"

#include "shared/core/calendar/civil_date.h"

#include <array>

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
        calendar::format_utc(item.received_at_ms),
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
