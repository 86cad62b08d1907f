#pragma once
// How content problems read on a terminal, for `support-server check-content` and for
// `serve --site` at start:
//
//   demo_site/help/en/returns.json:/tags/2: error content.article.wrong_type: tags must be …
//   demo_site/help/en/broken.json: error content.file.invalid_json: not valid JSON: …
//   12 articles in 3 locales, 1 error, 0 warnings

#include "shared/core/content/article_loader.h"

#include <filesystem>
#include <string>

namespace support::server {

// "FILE:POINTER: SEVERITY CODE: MESSAGE", FILE being the problem's file under `directory`; the
// ":POINTER" part is left out when the problem concerns the whole file.
std::string format_content_problem(const std::filesystem::path& directory,
                                   const content::ContentProblem& problem);

// "N articles in M locales, E errors, W warnings" (singular for 1).
std::string format_content_summary(const content::LoadedContent& content);

} // namespace support::server
