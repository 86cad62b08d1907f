#pragma once
// A guide's steps as a graph: each step leads to the next one in the list, to the step its "next"
// names, or to the steps its branches name; "end" (or running past the last step) finishes it.
// The validator uses it to find steps that can never finish (a loop with no way out) and steps no
// path reaches; the runner uses it to say "step 2 of 4" on guides whose paths differ in length.

#include "shared/core/guide/guide.h"

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace support::guide {

inline constexpr std::size_t k_finished = static_cast<std::size_t>(-1); // "end" as a step index

// The index of the step with this id; nullopt when there is none.
std::optional<std::size_t> find_step(const Guide& guide, std::string_view id);

// A "next" or an answer's step id as an index: k_finished for "end", nullopt when no step has it.
std::optional<std::size_t> resolve_step(const Guide& guide, std::string_view id);

// Where a step without branches goes: its "next", else the following step, else k_finished.
// nullopt when its "next" names no step (validation reports that).
std::optional<std::size_t> step_after(const Guide& guide, std::size_t step);

// Every step (or k_finished) that `step` can lead to, in branch order; unknown ids left out.
std::vector<std::size_t> successors(const Guide& guide, std::size_t step);

// For each step: can some path from it reach the end?
std::vector<bool> steps_that_can_finish(const Guide& guide);
// For each step: does some path from the first step reach it?
std::vector<bool> steps_reachable_from_start(const Guide& guide);

// How many steps the longest way from `step` to the end takes, `step` included (1 for the last).
// Loops are followed once: a step already on the way is not counted again.
std::size_t steps_to_finish(const Guide& guide, std::size_t step);

} // namespace support::guide
