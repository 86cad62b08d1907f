#include "shared/core/feedback/helpful_answers.h"

#include "shared/core/parse_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace support::feedback {

namespace {

constexpr std::string_view k_storage_key = "helpful-answers";

} // namespace

void HelpfulAnswers::load() {
    m_answers.clear();
    auto stored = m_store.get(k_storage_key);
    if (!stored || !stored->has_value())
        return;
    const nlohmann::json doc = parse_json(**stored);
    if (!doc.is_object())
        return;
    const auto answers = doc.find("answers");
    if (answers == doc.end() || !answers->is_object())
        return;
    for (const auto& [id, value] : answers->items()) {
        if (!value.is_object() || m_answers.size() >= k_max_answers)
            continue;
        Entry entry;
        const auto answer = value.find("answer");
        if (answer == value.end() || !answer->is_string())
            continue;
        const std::string& text = answer->get_ref<const std::string&>();
        entry.answer = text == "yes"  ? HelpfulAnswer::Yes
                       : text == "no" ? HelpfulAnswer::No
                                      : HelpfulAnswer::None;
        if (entry.answer == HelpfulAnswer::None)
            continue;
        if (const auto at = value.find("at"); at != value.end() && at->is_number_integer())
            entry.at_ms = at->get<std::int64_t>();
        if (const auto locale = value.find("locale"); locale != value.end() && locale->is_string())
            entry.locale = locale->get<std::string>();
        m_answers[id] = std::move(entry);
    }
}

HelpfulAnswer HelpfulAnswers::answer_for(std::string_view article_id) const {
    const auto it = m_answers.find(article_id);
    return it == m_answers.end() ? HelpfulAnswer::None : it->second.answer;
}

Result<void> HelpfulAnswers::record(std::string_view article_id, HelpfulAnswer answer,
                                    std::string_view locale, std::int64_t client_time_ms) {
    if (answer == HelpfulAnswer::None)
        return ok();
    if (m_answers.size() >= k_max_answers && m_answers.find(article_id) == m_answers.end()) {
        const auto oldest =
            std::min_element(m_answers.begin(), m_answers.end(),
                             [](const auto& a, const auto& b) { return a.second.at_ms < b.second.at_ms; });
        m_answers.erase(oldest);
    }
    m_answers[std::string(article_id)] = Entry{answer, client_time_ms, std::string(locale)};

    nlohmann::json answers = nlohmann::json::object();
    for (const auto& [id, entry] : m_answers)
        answers[id] = {{"answer", entry.answer == HelpfulAnswer::Yes ? "yes" : "no"},
                       {"at", entry.at_ms},
                       {"locale", entry.locale}};
    const nlohmann::json doc = {{"v", 1}, {"answers", std::move(answers)}};
    return m_store.set(k_storage_key, doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace support::feedback
