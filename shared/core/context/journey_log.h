#pragma once
// What the shopper did in the widget lately — searches, articles read, guides, "Was this helpful?"
// answers — kept across pages under the site-scoped key "journey", newest last, at most
// protocol::k_max_journey_steps, none older than a day. A new conversation carries it, so the
// person who answers knows what was tried. A repeat of the newest step (the same search settling
// twice, the same article reopened) replaces it rather than filling the log.
//
//   JourneyLog journey(storage);
//   journey.load();
//   journey.record({JourneyKind::Article, "how-to-return", "How do I return an item?", now});
//   start.journey = journey.steps();

#include "shared/core/persistence/key_value_store.h"
#include "shared/core/protocol/journey_wire.h"

#include <cstdint>
#include <vector>

namespace support::context {

inline constexpr std::int64_t k_journey_max_age_ms = 24 * 60 * 60 * 1000;

class JourneyLog {
  public:
    explicit JourneyLog(persistence::KeyValueStore& store) : m_store(store) {}

    // Reads what earlier pages kept, dropping steps older than a day before `now_ms`; what cannot be
    // read is forgotten (a warning, never a crash).
    void load(std::int64_t now_ms);
    void record(protocol::JourneyStep step);
    const std::vector<protocol::JourneyStep>& steps() const { return m_steps; }

  private:
    void save();

    persistence::KeyValueStore& m_store;
    std::vector<protocol::JourneyStep> m_steps;
};

} // namespace support::context
