#include "shared/core/content/content_problem_log.h"

#include "shared/core/content/content_json.h"

namespace support::content {

void ContentProblemLog::begin_file(const ContentFile& file) {
    m_file = &file;
    m_file_problems = 0;
    m_hidden_problems = 0;
    m_failed = false;
}

void ContentProblemLog::end_file() {
    if (m_hidden_problems > 0)
        m_problems.push_back(
            ContentProblem{"content.file.too_many_problems", Severity::Error, m_file->path, "",
                           std::to_string(m_hidden_problems) + " more problems in this file are not listed"});
}

void ContentProblemLog::report(Severity severity, std::string code, std::string pointer,
                               std::string message) {
    if (severity == Severity::Error)
        m_failed = true;
    if (m_file_problems >= k_max_problems_per_file) {
        ++m_hidden_problems;
        return;
    }
    ++m_file_problems;
    m_problems.push_back(
        ContentProblem{std::move(code), severity, m_file->path, std::move(pointer), std::move(message)});
}

void DuplicateIds::add(std::string_view locale, const std::string& id, const std::string& file,
                       const std::string& pointer, std::optional<std::size_t> candidate) {
    std::string locale_key;
    for (char c : locale)
        locale_key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    m_uses[{locale_key, id}].push_back(Use{file, pointer, candidate});
}

void DuplicateIds::report(std::vector<ContentProblem>& problems, std::string_view code, std::string_view what,
                          std::vector<bool>& keep) const {
    for (const auto& [key, uses] : m_uses) {
        if (uses.size() < 2)
            continue;
        for (const Use& use : uses) {
            std::string others;
            for (const Use& other : uses) {
                if (&other == &use)
                    continue;
                others += others.empty() ? "" : ", ";
                others += other.file + (other.pointer.empty() ? "" : " at " + other.pointer);
            }
            problems.push_back(ContentProblem{
                std::string(code), Severity::Error, use.file, use.pointer,
                std::string(what) + " " + quote_for_message(key.second) + " is also used in " + others +
                    "; " + std::string(what) +
                    "s must be unique in a locale (the same id in another locale is the translation)"});
            if (use.candidate)
                keep[*use.candidate] = false;
        }
    }
}

} // namespace support::content
