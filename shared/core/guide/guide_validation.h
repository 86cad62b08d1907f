#pragma once
// Checks that hold across a guide's steps: every step id unique and not "end", every "next" and
// branch naming a step that exists, a way to finish from every step, and every step reachable.
// The file loader (shared/core/content/guide_loader.h) checks each field's type and form first,
// then calls this on the guide it read; problems carry a JSON pointer into the guide object.
//
// Problem ids:
//   content.guide.no_steps            the guide has no steps
//   content.guide.duplicate_step_id   two steps share an id (reported at the later one)
//   content.guide.reserved_step_id    a step is called "end", which "next" uses to finish
//   content.guide.unknown_step        a "next" or a branch names a step that does not exist
//   content.guide.cycle_without_exit  a step from which every path loops forever
//   content.guide.unreachable_step    (warning) no path from the first step leads here

#include "shared/core/guide/guide.h"

#include <string>
#include <vector>

namespace support::guide {

struct GuideProblem {
    std::string code;
    bool warning = false;
    std::string pointer; // into the guide object: "/steps/2/branches/0/next"
    std::string message;
};

std::vector<GuideProblem> validate_guide_steps(const Guide& guide);

} // namespace support::guide
