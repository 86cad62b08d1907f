#pragma once
// How far the shopper is in a guide, as saved between pages and reloads (localStorage, site-scoped
// key "guide-progress"; the session issue folds it into the session):
//
//   {"v":1,"guide":"apply-coupon","locale":"en","step":"apply","history":["code"],
//    "started":1764800000000,"updated":1764800042000}
//
// Steps are saved by id, not index, so progress survives the site owner inserting a step.
// Anything else in storage — another version, truncated JSON, a foreign value — is an error value
// the caller answers by starting clean, never a crash.

#include "shared/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support::guide {

struct GuideProgress {
    std::string guide_id;
    std::string locale;
    std::string step_id;
    std::vector<std::string> history; // the steps before it, oldest first (Back walks them)
    std::int64_t started_ms = 0;
    std::int64_t updated_ms = 0;

    bool operator==(const GuideProgress&) const = default;
};

inline constexpr int k_progress_version = 1;
inline constexpr std::size_t k_max_progress_history = 100;

std::string serialize_guide_progress(const GuideProgress& progress);
// Errors: guide.progress.invalid_json, guide.progress.unsupported_version (field "v"),
// guide.progress.bad_shape (field: the JSON pointer at fault).
Result<GuideProgress> parse_guide_progress(std::string_view text);

} // namespace support::guide
