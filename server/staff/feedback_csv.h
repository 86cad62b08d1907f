#pragma once
// Feedback as CSV for a spreadsheet: RFC 4180 (comma-separated, CRLF line ends, a field holding a
// comma, quote, CR or LF quoted with its quotes doubled), UTF-8 with a byte-order mark so that
// spreadsheet programs read Hebrew and Arabic as such. Shoppers write the comments, so a cell
// starting with = + - @ (or a tab or CR) is prefixed with an apostrophe: a spreadsheet shows it as
// text instead of running it as a formula (OWASP's "CSV injection").

#include "server/storage/feedback_record.h"

#include <string>
#include <string_view>

namespace support::server {

// One cell, quoted and prefixed as above.
std::string csv_cell(std::string_view text);

// The byte-order mark and the header row.
std::string feedback_csv_header();
// One item as a row, CRLF included: id, received (UTC, ISO 8601), site, kind, subject, helpful,
// guide outcome and step, status, tags, locale, page, page title, product, SKU, comment, reply
// address.
std::string feedback_csv_row(const StoredFeedback& item);

} // namespace support::server
