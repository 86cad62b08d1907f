#pragma once
// How guides ended — completed, or abandoned at step N — kept in the widget's key-value store
// (key "guide-outcomes"):
//
//   {"v":1,"outcomes":[{"guide":"apply-coupon","locale":"en","outcome":"abandoned","step":"apply",
//                       "stepNumber":2,"at":1764800042000}]}
//
// The newest k_max_outcomes are kept. Storage that is unavailable or full loses the record for
// later visits only; unreadable data is replaced, never fatal.

#include "shared/core/guide/guide_runner.h"
#include "shared/core/persistence/key_value_store.h"
#include "shared/core/result.h"

#include <vector>

namespace support::feedback {

class GuideOutcomeLog {
  public:
    static constexpr std::size_t k_max_outcomes = 200;

    explicit GuideOutcomeLog(persistence::KeyValueStore& store) : m_store(store) {}

    // Adds the outcome to those earlier visits stored (read on the first record, not at start-up)
    // and stores them all.
    Result<void> record(const guide::GuideOutcome& outcome);

  private:
    void load();

    persistence::KeyValueStore& m_store;
    std::vector<guide::GuideOutcome> m_outcomes;
    bool m_loaded = false;
};

} // namespace support::feedback
