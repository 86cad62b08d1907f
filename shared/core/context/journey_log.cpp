#include "shared/core/context/journey_log.h"

#include "shared/core/context/secret_masking.h"

#include "shared/core/parse_json.h"
#include "shared/core/text/utf8.h"

#include <algorithm>
#include <cstdio>

namespace support::context {

namespace {

constexpr const char* k_key = "journey";
constexpr int k_version = 1;

} // namespace

void JourneyLog::load(std::int64_t now_ms) {
    m_steps.clear();
    auto stored = m_store.get(k_key);
    if (!stored || !*stored)
        return;
    const nlohmann::json document = parse_json(**stored);
    if (!document.is_object() || document.value("v", 0) != k_version) {
        std::fprintf(stderr, "support widget: the saved journey could not be read; starting a new one\n");
        (void)m_store.remove(k_key);
        return;
    }
    auto steps = protocol::decode_journey(protocol::WireObject(document, "", "journey.saved"), "steps");
    if (!steps) {
        std::fprintf(stderr, "support widget: the saved journey could not be read (%s); starting a new one\n",
                     steps.error().code.c_str());
        (void)m_store.remove(k_key);
        return;
    }
    m_steps = std::move(*steps);
    std::erase_if(m_steps,
                  [&](const protocol::JourneyStep& s) { return now_ms - s.at_ms > k_journey_max_age_ms; });
}

void JourneyLog::record(protocol::JourneyStep step) {
    // A search for a card number or a password is not kept, nor shown to staff later.
    step.subject = mask_secrets(step.subject).text;
    step.detail = mask_secrets(step.detail).text;
    step.subject = std::string(text::truncate_utf8(step.subject, protocol::k_max_journey_text_bytes));
    step.detail = std::string(text::truncate_utf8(step.detail, protocol::k_max_journey_text_bytes));
    if (!m_steps.empty() && m_steps.back().kind == step.kind && m_steps.back().subject == step.subject)
        m_steps.back() = std::move(step);
    else
        m_steps.push_back(std::move(step));
    if (m_steps.size() > protocol::k_max_journey_steps)
        m_steps.erase(m_steps.begin(), m_steps.begin() + static_cast<std::ptrdiff_t>(
                                                             m_steps.size() - protocol::k_max_journey_steps));
    save();
}

void JourneyLog::save() {
    const nlohmann::json document = {{"v", k_version}, {"steps", protocol::encode_journey(m_steps)}};
    (void)m_store.set(k_key, document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

} // namespace support::context
