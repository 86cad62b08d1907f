#include "server/content/content_report.h"

#include "shared/core/content/locale_tag.h"

#include <vector>

namespace support::server {

namespace {

std::string count_of(std::size_t count, std::string_view noun) {
    return std::to_string(count) + " " + std::string(noun) + (count == 1 ? "" : "s");
}

} // namespace

std::string format_content_problem(const std::filesystem::path& directory,
                                   const content::ContentProblem& problem) {
    std::string line = (directory / problem.file).generic_string();
    if (!problem.pointer.empty())
        line += ":" + problem.pointer;
    line += ": ";
    line += content::severity_name(problem.severity);
    line += " " + problem.code + ": " + problem.message;
    return line;
}

std::string format_content_summary(const content::LoadedContent& loaded) {
    std::vector<std::string_view> locales;
    auto add_locale = [&](std::string_view locale) {
        for (std::string_view seen : locales)
            if (content::same_locale(seen, locale))
                return;
        locales.push_back(locale);
    };
    for (const content::Article& article : loaded.articles)
        add_locale(article.locale);
    for (const guide::Guide& guide : loaded.guides)
        add_locale(guide.locale);
    return count_of(loaded.articles.size(), "article") + " and " + count_of(loaded.guides.size(), "guide") +
           " in " + count_of(locales.size(), "locale") + ", " + count_of(loaded.error_count(), "error") +
           ", " + count_of(loaded.warning_count(), "warning");
}

} // namespace support::server
