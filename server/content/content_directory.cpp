#include "server/content/content_directory.h"

#include "server/content/site_settings.h"
#include "shared/core/content/help_content_loader.h"

#include <algorithm>
#include <fstream>
#include <optional>
#include <string>
#include <system_error>
#include <vector>

namespace support::server {

namespace fs = std::filesystem;
using content::ContentFile;
using content::ContentProblem;
using content::Severity;

namespace {

struct Entry {
    std::string name;
    fs::path path;
    bool is_directory = false;
};

// The entries of a folder sorted by name, without dot names; nothing when it cannot be listed.
std::optional<std::vector<Entry>> list_entries(const fs::path& folder) {
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec)
        return std::nullopt;
    std::vector<Entry> entries;
    for (; it != fs::directory_iterator(); it.increment(ec)) {
        if (ec)
            return std::nullopt;
        std::string name = it->path().filename().string();
        if (name.empty() || name.front() == '.')
            continue;
        std::error_code status_ec;
        const bool is_directory = it->is_directory(status_ec); // follows symlinks
        entries.push_back(Entry{std::move(name), it->path(), is_directory && !status_ec});
    }
    if (ec)
        return std::nullopt;
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
    return entries;
}

bool is_json_file(const Entry& entry) {
    if (entry.is_directory || !entry.name.ends_with(".json"))
        return false;
    std::error_code ec;
    return fs::is_regular_file(entry.path, ec);
}

// At most k_max_file_bytes + 1 bytes: enough for the loader to see that a file is too large.
std::optional<std::string> read_bounded(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return std::nullopt;
    std::string text(content::k_max_file_bytes + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad())
        return std::nullopt;
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

} // namespace

Result<content::LoadedContent> load_content_directory(const fs::path& directory) {
    std::error_code ec;
    const auto status = fs::status(directory, ec);
    if (ec || !fs::exists(status))
        return make_error("content.directory.not_found",
                          "content folder " + directory.string() + " does not exist", "directory");
    if (!fs::is_directory(status))
        return make_error("content.directory.not_a_directory",
                          "content folder " + directory.string() + " is not a directory", "directory");
    const auto top = list_entries(directory);
    if (!top)
        return make_error("content.directory.unreadable",
                          "content folder " + directory.string() + " cannot be read", "directory");

    std::vector<ContentFile> files;
    std::vector<ContentProblem> read_problems;
    auto add_file = [&](const Entry& entry, std::string relative) {
        auto text = read_bounded(entry.path);
        if (!text) {
            read_problems.push_back(ContentProblem{"content.file.unreadable", Severity::Error,
                                                   std::move(relative), "",
                                                   "the file cannot be read; check its permissions"});
            return;
        }
        files.push_back(ContentFile{std::move(relative), std::move(*text)});
    };
    for (const Entry& entry : *top) {
        if (!entry.is_directory) {
            // site.json holds the site's settings (site_settings.h), not articles.
            if (is_json_file(entry) && entry.name != k_site_settings_file)
                add_file(entry, entry.name); // the loader reports it as outside a locale folder
            continue;
        }
        const auto locale_entries = list_entries(entry.path);
        if (!locale_entries) {
            read_problems.push_back(ContentProblem{"content.locale.unreadable", Severity::Error, entry.name,
                                                   "", "the folder cannot be read; check its permissions"});
            continue;
        }
        for (const Entry& file : *locale_entries) {
            if (is_json_file(file))
                add_file(file, entry.name + "/" + file.name);
            if (!file.is_directory || file.name != "guides")
                continue;
            const auto guide_entries = list_entries(file.path);
            if (!guide_entries) {
                read_problems.push_back(ContentProblem{"content.locale.unreadable", Severity::Error,
                                                       entry.name + "/guides", "",
                                                       "the folder cannot be read; check its permissions"});
                continue;
            }
            for (const Entry& guide_file : *guide_entries)
                if (is_json_file(guide_file))
                    add_file(guide_file, entry.name + "/guides/" + guide_file.name);
        }
    }

    content::LoadedContent loaded = content::load_help_content(files);
    loaded.problems.insert(loaded.problems.end(), read_problems.begin(), read_problems.end());
    std::stable_sort(loaded.problems.begin(), loaded.problems.end(),
                     [](const ContentProblem& a, const ContentProblem& b) { return a.file < b.file; });
    return loaded;
}

} // namespace support::server
