#pragma once
// `support-server seed-feedback`: fills a store with realistic feedback (demo/feedback_seeder.h)
// so the console has something to show in a demo, and so benchmarks measure a full store.
//
//   support-server seed-feedback --site NAME=DIR [--db PATH] [--count N] [--days D] [--seed S]
//                                [--origin URL] [--if-empty]
//
// Articles and guides come from the site's help folder DIR, so Insights names real ones.
// --if-empty seeds only a site that has no feedback yet (./scripts/demo runs it every start).
// Exit codes: 0 done; 1 the store refused; 2 bad arguments (seed.args.*) or DIR cannot be read.

#include <ostream>
#include <span>
#include <string_view>

namespace support::server {

int run_seed_feedback(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

} // namespace support::server
