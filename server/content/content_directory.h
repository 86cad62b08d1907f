#pragma once
// Reads a site's help content folder and validates it (shared/core/content/help_content_loader.h):
//
//   DIR/en/returns.json, DIR/en/shipping.json, DIR/he/returns.json, …   articles
//   DIR/en/guides/apply-coupon.json, …                                   guides (guide_loader.h)
//
// Locale folders and the .json files in them are read in name order, so problems and articles
// come out the same on every machine. Names starting with '.' (editor and VCS files) are
// skipped, as are other files (README.md) and the site's settings (DIR/site.json,
// site_settings.h). Any other .json file directly in DIR is reported
// (content.file.not_in_locale_folder), an unreadable file or folder is a problem
// (content.file.unreadable, content.locale.unreadable), and files are read up to just past the
// 1 MB limit so a huge file costs no more than that.

#include "shared/core/content/article_loader.h"
#include "shared/core/result.h"

#include <filesystem>

namespace support::server {

// Errors (the folder as a whole cannot be used): content.directory.not_found,
// content.directory.not_a_directory, content.directory.unreadable.
Result<content::LoadedContent> load_content_directory(const std::filesystem::path& directory);

} // namespace support::server
