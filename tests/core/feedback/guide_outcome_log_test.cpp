#include "catch_amalgamated.hpp"

#include "shared/core/feedback/guide_outcome_log.h"

#include <nlohmann/json.hpp>

using namespace support;
using namespace support::feedback;

namespace {

guide::GuideOutcome abandoned_at(std::size_t step, std::int64_t at_ms) {
    guide::GuideOutcome outcome;
    outcome.guide_id = "apply-coupon";
    outcome.locale = "ar";
    outcome.kind = guide::OutcomeKind::Abandoned;
    outcome.step_id = "step-" + std::to_string(step);
    outcome.step_number = step;
    outcome.at_ms = at_ms;
    return outcome;
}

} // namespace

TEST_CASE("guide outcomes from earlier visits are kept, newest last, up to the limit",
          "[guide_outcome_log]") {
    persistence::MemoryKeyValueStore store;
    {
        GuideOutcomeLog visit(store);
        REQUIRE(visit.record(abandoned_at(2, 10)));
    }
    GuideOutcomeLog next_visit(store);
    for (std::size_t i = 0; i < GuideOutcomeLog::k_max_outcomes + 5; ++i)
        REQUIRE(next_visit.record(abandoned_at(3, 100 + static_cast<std::int64_t>(i))));
    const auto stored = nlohmann::json::parse(store.get("guide-outcomes").value().value());
    const auto& outcomes = stored.at("outcomes");
    REQUIRE(outcomes.size() == GuideOutcomeLog::k_max_outcomes);
    CHECK(outcomes.front().at("at") == 105); // the oldest made room
    CHECK(outcomes.back().at("outcome") == "abandoned");
    CHECK(outcomes.back().at("stepNumber") == 3);
    CHECK(outcomes.back().at("locale") == "ar");
}
