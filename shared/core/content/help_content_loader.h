#pragma once
// Everything in a site's help folder, validated in one pass: articles (help/<locale>/*.json,
// article_loader.h) and guides (help/<locale>/guides/*.json, guide_loader.h). Problems come out
// grouped by file, in the order found inside each file.

#include "shared/core/content/article_loader.h"

#include <span>

namespace support::content {

LoadedContent load_help_content(std::span<const ContentFile> files);

} // namespace support::content
