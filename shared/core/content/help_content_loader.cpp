#include "shared/core/content/help_content_loader.h"

#include "shared/core/content/guide_loader.h"

#include <algorithm>

namespace support::content {

LoadedContent load_help_content(std::span<const ContentFile> files) {
    std::vector<ContentFile> article_files;
    std::vector<ContentFile> guide_files;
    for (const ContentFile& file : files)
        (is_guide_file_path(file.path) ? guide_files : article_files).push_back(file);

    LoadedContent content = load_articles(article_files);
    LoadedGuides guides = load_guides(guide_files);
    content.guides = std::move(guides.guides);
    content.problems.insert(content.problems.end(), std::make_move_iterator(guides.problems.begin()),
                            std::make_move_iterator(guides.problems.end()));
    std::stable_sort(content.problems.begin(), content.problems.end(),
                     [](const ContentProblem& a, const ContentProblem& b) { return a.file < b.file; });
    return content;
}

} // namespace support::content
