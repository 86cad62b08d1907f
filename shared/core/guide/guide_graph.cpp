#include "shared/core/guide/guide_graph.h"

#include <algorithm>

namespace support::guide {

std::optional<std::size_t> find_step(const Guide& guide, std::string_view id) {
    for (std::size_t i = 0; i < guide.steps.size(); ++i)
        if (guide.steps[i].id == id)
            return i;
    return std::nullopt;
}

std::optional<std::size_t> resolve_step(const Guide& guide, std::string_view id) {
    if (id == k_end_step)
        return k_finished;
    return find_step(guide, id);
}

std::optional<std::size_t> step_after(const Guide& guide, std::size_t step) {
    const GuideStep& current = guide.steps[step];
    if (!current.next.empty())
        return resolve_step(guide, current.next);
    return step + 1 < guide.steps.size() ? step + 1 : k_finished;
}

std::vector<std::size_t> successors(const Guide& guide, std::size_t step) {
    std::vector<std::size_t> out;
    const GuideStep& current = guide.steps[step];
    if (current.branches.empty()) {
        if (const auto after = step_after(guide, step))
            out.push_back(*after);
        return out;
    }
    for (const Branch& branch : current.branches)
        if (const auto to = resolve_step(guide, branch.next))
            out.push_back(*to);
    return out;
}

std::vector<bool> steps_that_can_finish(const Guide& guide) {
    const std::size_t count = guide.steps.size();
    std::vector<bool> finishes(count, false);
    // Fixed point over the reverse edges: a step finishes if one of its successors is the end or
    // a step that finishes. At most `count` rounds, each O(edges).
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < count; ++i) {
            if (finishes[i])
                continue;
            for (const std::size_t to : successors(guide, i)) {
                if (to == k_finished || finishes[to]) {
                    finishes[i] = true;
                    changed = true;
                    break;
                }
            }
        }
    }
    return finishes;
}

std::vector<bool> steps_reachable_from_start(const Guide& guide) {
    std::vector<bool> reached(guide.steps.size(), false);
    if (guide.steps.empty())
        return reached;
    std::vector<std::size_t> pending{0};
    reached[0] = true;
    while (!pending.empty()) {
        const std::size_t step = pending.back();
        pending.pop_back();
        for (const std::size_t to : successors(guide, step)) {
            if (to != k_finished && !reached[to]) {
                reached[to] = true;
                pending.push_back(to);
            }
        }
    }
    return reached;
}

namespace {

// Depth-first with memory; an edge back to a step still on the way is a loop and adds nothing.
struct LongestWay {
    const Guide& guide;
    std::vector<std::size_t> memo;
    std::vector<char> on_way;

    std::size_t from(std::size_t at) {
        if (memo[at] != 0)
            return memo[at];
        on_way[at] = 1;
        std::size_t best = 0;
        for (const std::size_t to : successors(guide, at))
            if (to != k_finished && !on_way[to])
                best = std::max(best, from(to));
        on_way[at] = 0;
        return memo[at] = best + 1;
    }
};

} // namespace

std::size_t steps_to_finish(const Guide& guide, std::size_t step) {
    // Guides are small (at most 50 steps), so one pass from `step` is cheap.
    if (step >= guide.steps.size())
        return 0;
    LongestWay way{guide, std::vector<std::size_t>(guide.steps.size(), 0),
                   std::vector<char>(guide.steps.size(), 0)};
    return way.from(step);
}

} // namespace support::guide
