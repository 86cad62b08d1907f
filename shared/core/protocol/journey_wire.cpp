#include "shared/core/protocol/journey_wire.h"

#include <array>
#include <limits>

namespace support::protocol {

namespace {

constexpr std::array<std::string_view, 5> k_kind_names = {"search", "article", "guide", "feedback", "page"};

} // namespace

std::string_view journey_kind_name(JourneyKind kind) {
    return k_kind_names[static_cast<std::size_t>(kind)];
}

std::optional<JourneyKind> journey_kind_from_name(std::string_view name) {
    for (std::size_t i = 0; i < k_kind_names.size(); ++i)
        if (k_kind_names[i] == name)
            return static_cast<JourneyKind>(i);
    return std::nullopt;
}

nlohmann::json encode_journey(const std::vector<JourneyStep>& steps) {
    nlohmann::json out = nlohmann::json::array();
    for (const JourneyStep& step : steps) {
        nlohmann::json item = {
            {"kind", journey_kind_name(step.kind)}, {"subject", step.subject}, {"at_ms", step.at_ms}};
        if (!step.detail.empty())
            item["detail"] = step.detail;
        out.push_back(std::move(item));
    }
    return out;
}

Result<std::vector<JourneyStep>> decode_journey(const WireObject& parent, std::string_view key) {
    SW_TRY(std::vector<WireObject> items, parent.objects(key, Presence::Optional, k_max_journey_steps));
    std::vector<JourneyStep> steps;
    for (const WireObject& item : items) {
        JourneyStep step;
        SW_TRY(std::string kind, item.string("kind", Presence::Required, 16));
        const auto known = journey_kind_from_name(kind);
        if (!known)
            return item.error("unknown_kind", "\"kind\" must be search, article, guide, feedback or page",
                              "kind");
        step.kind = *known;
        SW_TRY(step.subject, item.string("subject", Presence::Required, k_max_journey_text_bytes));
        SW_TRY(step.detail, item.string("detail", Presence::Optional, k_max_journey_text_bytes));
        SW_TRY(auto at,
               item.integer("at_ms", Presence::Required, 0, std::numeric_limits<std::int64_t>::max()));
        step.at_ms = *at;
        steps.push_back(std::move(step));
    }
    return steps;
}

} // namespace support::protocol
