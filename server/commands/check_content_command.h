#pragma once
// `support-server check-content DIR`: validates a site's help content folder the way `serve --site`
// loads it and prints every problem, then a summary:
//
//   DIR/en/returns.json:/tags/2: error content.article.wrong_type: tags must be an array of strings; …
//   DIR/en/returns.json:/body: warning content.markdown.unsafe_link: link to 'javascript:…' is not …
//   41 articles in 3 locales, 1 error, 1 warning
//
// Exit codes (exit_codes.h): 0 without errors (warnings allowed), 1 with errors, 2 for bad
// arguments or a DIR that is missing or unreadable.

#include <ostream>
#include <span>
#include <string_view>

namespace support::server {

int run_check_content(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

std::string_view check_content_usage();

} // namespace support::server
