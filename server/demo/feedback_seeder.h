#pragma once
// Realistic feedback for a demo store and for benchmarks: what shoppers of a small outdoor shop
// would send over the last weeks, in English, Hebrew and Arabic, about the site's real articles and
// guides — votes (most articles help, a few do not), comments, searches the help has no answer
// for, guides finished or left at a hard step, problem reports with and without a reply address,
// from phones more than desktops. The same plan always makes the same feedback.

#include "server/storage/feedback_record.h"

#include <cstdint>
#include <string>
#include <vector>

namespace support::server {

struct SeedGuide {
    std::string id;
    std::vector<std::string> step_ids;
};

struct SeedPlan {
    std::string site;
    std::size_t count = 300;
    std::int64_t now_ms = 0;
    int days = 30; // received times spread over the `days` before now_ms, more of them recently
    std::uint64_t seed = 1;
    std::string store_origin = "https://shop.example"; // pages are this origin's paths
    std::vector<std::string> article_ids;              // empty: a built-in list
    std::vector<SeedGuide> guides;                     // empty: a built-in list
};

// Oldest first, so that ids grow with time as they do when shoppers send them.
std::vector<NewFeedback> seed_feedback(const SeedPlan& plan);

} // namespace support::server
