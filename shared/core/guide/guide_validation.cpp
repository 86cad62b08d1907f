#include "shared/core/guide/guide_validation.h"

#include "shared/core/guide/guide_graph.h"

#include <set>

namespace support::guide {

namespace {

std::string step_pointer(std::size_t step) {
    return "/steps/" + std::to_string(step);
}

std::string quoted(const std::string& id) {
    return "'" + id + "'"; // ids reaching here passed the loader's id check: short and printable
}

} // namespace

std::vector<GuideProblem> validate_guide_steps(const Guide& guide) {
    std::vector<GuideProblem> problems;
    auto error = [&](std::string code, std::string pointer, std::string message) {
        problems.push_back(GuideProblem{std::move(code), false, std::move(pointer), std::move(message)});
    };
    if (guide.steps.empty()) {
        error("content.guide.no_steps", "/steps",
              "a guide needs at least one step: {\"id\": …, \"title\": …, \"target\": …}");
        return problems;
    }

    std::set<std::string> seen;
    bool ids_usable = true;
    for (std::size_t i = 0; i < guide.steps.size(); ++i) {
        const std::string& id = guide.steps[i].id;
        if (id.empty())
            continue; // the loader reported it; such a guide is left out anyway
        if (id == k_end_step) {
            error("content.guide.reserved_step_id", step_pointer(i) + "/id",
                  "a step cannot be called 'end': \"next\": \"end\" finishes the guide");
            ids_usable = false;
        } else if (!seen.insert(id).second) {
            error("content.guide.duplicate_step_id", step_pointer(i) + "/id",
                  "step id " + quoted(id) +
                      " is used by an earlier step; step ids must be unique in a guide");
            ids_usable = false;
        }
    }

    bool links_usable = true;
    auto check_link = [&](const std::string& to, std::string pointer) {
        if (resolve_step(guide, to))
            return;
        error("content.guide.unknown_step", std::move(pointer),
              "no step has the id " + quoted(to) + " (use a step's id, or \"end\" to finish the guide)");
        links_usable = false;
    };
    for (std::size_t i = 0; i < guide.steps.size(); ++i) {
        const GuideStep& step = guide.steps[i];
        if (!step.next.empty())
            check_link(step.next, step_pointer(i) + "/next");
        for (std::size_t b = 0; b < step.branches.size(); ++b)
            check_link(step.branches[b].next, step_pointer(i) + "/branches/" + std::to_string(b) + "/next");
    }
    // Loops and reachability mean something only once every link names one step.
    if (!ids_usable || !links_usable)
        return problems;

    const std::vector<bool> finishes = steps_that_can_finish(guide);
    for (std::size_t i = 0; i < guide.steps.size(); ++i) {
        if (finishes[i])
            continue;
        error("content.guide.cycle_without_exit", step_pointer(i),
              "from step " + quoted(guide.steps[i].id) +
                  " every path loops back without reaching the end; give one step of the loop a way out "
                  "(a branch or \"next\" to a later step, or \"end\")");
    }
    const std::vector<bool> reachable = steps_reachable_from_start(guide);
    for (std::size_t i = 0; i < guide.steps.size(); ++i) {
        if (reachable[i])
            continue;
        problems.push_back(GuideProblem{"content.guide.unreachable_step", true, step_pointer(i),
                                        "no path from the first step leads to step " +
                                            quoted(guide.steps[i].id) + "; shoppers will never see it"});
    }
    return problems;
}

} // namespace support::guide
