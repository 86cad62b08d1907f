#pragma once
// What the article and guide validators share besides reading JSON (content_json.h): the list of
// problems, filled one file at a time — the first k_max_problems_per_file of a file are listed,
// then one content.file.too_many_problems with the count of the rest, so an array of 100,000
// numbers does not print 100,000 lines — and ids used twice in a locale, reported in every file
// that uses them.

#include "shared/core/content/article_loader.h"

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace support::content {

inline constexpr std::size_t k_max_problems_per_file = 100;

class ContentProblemLog {
  public:
    explicit ContentProblemLog(std::vector<ContentProblem>& problems) : m_problems(problems) {}

    void begin_file(const ContentFile& file);
    void end_file();
    const std::string& file_path() const { return m_file->path; }

    // An error also marks the item being checked as failed (it is left out).
    void report(Severity severity, std::string code, std::string pointer, std::string message);
    void error(std::string code, std::string pointer, std::string message) {
        report(Severity::Error, std::move(code), std::move(pointer), std::move(message));
    }
    bool failed() const { return m_failed; }
    void set_failed(bool failed) { m_failed = failed; }

  private:
    std::vector<ContentProblem>& m_problems;
    const ContentFile* m_file = nullptr;
    std::size_t m_file_problems = 0;
    std::size_t m_hidden_problems = 0;
    bool m_failed = false;
};

class DuplicateIds {
  public:
    // `candidate`: the item's index among the otherwise valid ones, if it is valid.
    void add(std::string_view locale, const std::string& id, const std::string& file,
             const std::string& pointer, std::optional<std::size_t> candidate);
    // Reports each use of an id used more than once in a locale as `code` (`what` names the id in
    // messages: "id", "guide id") and clears `keep` for those candidates.
    void report(std::vector<ContentProblem>& problems, std::string_view code, std::string_view what,
                std::vector<bool>& keep) const;

  private:
    struct Use {
        std::string file;
        std::string pointer;
        std::optional<std::size_t> candidate;
    };
    std::map<std::pair<std::string, std::string>, std::vector<Use>> m_uses; // (lowercase locale, id)
};

} // namespace support::content
