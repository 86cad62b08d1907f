#include "shared/core/feedback/guide_outcome_log.h"

#include "shared/core/parse_json.h"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace support::feedback {

namespace {

constexpr std::string_view k_storage_key = "guide-outcomes";

} // namespace

void GuideOutcomeLog::load() {
    m_loaded = true;
    auto stored = m_store.get(k_storage_key);
    if (!stored || !stored->has_value())
        return;
    const nlohmann::json doc = parse_json(**stored);
    const auto list = doc.is_object() ? doc.find("outcomes") : doc.end();
    if (list == doc.end() || !list->is_array())
        return;
    for (const nlohmann::json& item : *list) {
        if (!item.is_object() || m_outcomes.size() >= k_max_outcomes)
            continue;
        auto text = [&](const char* key) {
            const auto it = item.find(key);
            return it != item.end() && it->is_string() ? it->get<std::string>() : std::string();
        };
        auto number = [&](const char* key) {
            const auto it = item.find(key);
            return it != item.end() && it->is_number_integer() ? it->get<std::int64_t>() : std::int64_t{0};
        };
        guide::GuideOutcome outcome;
        outcome.guide_id = text("guide");
        outcome.locale = text("locale");
        outcome.step_id = text("step");
        if (outcome.guide_id.empty() || !guide::parse_outcome_kind(text("outcome"), outcome.kind))
            continue;
        outcome.step_number = static_cast<std::size_t>(std::max<std::int64_t>(0, number("stepNumber")));
        outcome.at_ms = number("at");
        m_outcomes.push_back(std::move(outcome));
    }
}

Result<void> GuideOutcomeLog::record(const guide::GuideOutcome& outcome) {
    if (!m_loaded)
        load();
    m_outcomes.push_back(outcome);
    if (m_outcomes.size() > k_max_outcomes)
        m_outcomes.erase(m_outcomes.begin());
    nlohmann::json list = nlohmann::json::array();
    for (const guide::GuideOutcome& item : m_outcomes)
        list.push_back({{"guide", item.guide_id},
                        {"locale", item.locale},
                        {"outcome", guide::outcome_kind_name(item.kind)},
                        {"step", item.step_id},
                        {"stepNumber", item.step_number},
                        {"at", item.at_ms}});
    const nlohmann::json doc = {{"v", 1}, {"outcomes", std::move(list)}};
    return m_store.set(k_storage_key, doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace support::feedback
