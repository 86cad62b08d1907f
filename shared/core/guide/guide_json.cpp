#include "shared/core/guide/guide_json.h"

#include "shared/core/guide/guide_graph.h"

namespace support::guide {

namespace {

using nlohmann::json;

Error bad_shape(std::string pointer, const char* what) {
    return make_error("guide.bundle.bad_shape",
                      std::string("a guide in the content bundle is not usable: ") + what,
                      std::move(pointer));
}

Result<std::string> read_string(const json& object, const std::string& base, const char* key, bool required) {
    const auto it = object.find(key);
    if (it == object.end()) {
        if (required)
            return bad_shape(base + "/" + key, "a required string is missing");
        return std::string();
    }
    if (!it->is_string())
        return bad_shape(base + "/" + key, "a string was expected");
    return it->get<std::string>();
}

Result<std::vector<std::string>> read_strings(const json& object, const std::string& base, const char* key) {
    std::vector<std::string> out;
    const auto it = object.find(key);
    if (it == object.end())
        return out;
    if (!it->is_array())
        return bad_shape(base + "/" + key, "a list of strings was expected");
    for (std::size_t i = 0; i < it->size(); ++i) {
        if (!(*it)[i].is_string())
            return bad_shape(base + "/" + key + "/" + std::to_string(i), "a string was expected");
        out.push_back((*it)[i].get<std::string>());
    }
    return out;
}

Result<GuideStep> read_step(const json& value, const std::string& base) {
    if (!value.is_object())
        return bad_shape(base, "a step must be an object");
    GuideStep step;
    SW_TRY(step.id, read_string(value, base, "id", true));
    SW_TRY(step.title, read_string(value, base, "title", true));
    SW_TRY(step.body, read_string(value, base, "body", false));
    SW_TRY(step.target, read_strings(value, base, "target"));
    SW_TRY(step.page, read_string(value, base, "page", false));
    SW_TRY(step.next, read_string(value, base, "next", false));
    SW_TRY(const std::string placement, read_string(value, base, "placement", false));
    if (!placement.empty() && !parse_placement(placement, step.placement))
        return bad_shape(base + "/placement", "unknown placement");
    if (const auto wait = value.find("wait_ms"); wait != value.end()) {
        if (!wait->is_number_unsigned() || wait->get<std::uint64_t>() > k_max_wait_ms)
            return bad_shape(base + "/wait_ms", "wait_ms out of range");
        step.wait_ms = wait->get<std::uint32_t>();
    }
    if (const auto advance = value.find("advance"); advance != value.end()) {
        const std::string pointer = base + "/advance";
        if (!advance->is_object())
            return bad_shape(pointer, "advance must be an object");
        SW_TRY(const std::string when, read_string(*advance, pointer, "when", true));
        if (!parse_advance_kind(when, step.advance.kind))
            return bad_shape(pointer + "/when", "unknown advance kind");
        SW_TRY(step.advance.selectors, read_strings(*advance, pointer, "selector"));
        SW_TRY(step.advance.page, read_string(*advance, pointer, "page", false));
    }
    if (const auto branches = value.find("branches"); branches != value.end()) {
        if (!branches->is_array())
            return bad_shape(base + "/branches", "branches must be a list");
        for (std::size_t i = 0; i < branches->size(); ++i) {
            const std::string pointer = base + "/branches/" + std::to_string(i);
            if (!(*branches)[i].is_object())
                return bad_shape(pointer, "an answer must be an object");
            Branch branch;
            SW_TRY(branch.label, read_string((*branches)[i], pointer, "label", true));
            SW_TRY(branch.next, read_string((*branches)[i], pointer, "next", true));
            step.branches.push_back(std::move(branch));
        }
    }
    return step;
}

} // namespace

json guide_to_json(const Guide& guide) {
    json steps = json::array();
    for (const GuideStep& step : guide.steps) {
        json object = {{"id", step.id}, {"title", step.title}};
        if (!step.body.empty())
            object["body"] = step.body;
        if (!step.target.empty())
            object["target"] = step.target;
        if (!step.page.empty())
            object["page"] = step.page;
        if (step.placement != Placement::Auto)
            object["placement"] = placement_name(step.placement);
        if (step.advance.kind != AdvanceKind::Manual) {
            json advance = {{"when", advance_kind_name(step.advance.kind)}};
            if (!step.advance.selectors.empty())
                advance["selector"] = step.advance.selectors;
            if (!step.advance.page.empty())
                advance["page"] = step.advance.page;
            object["advance"] = std::move(advance);
        }
        if (!step.branches.empty()) {
            json branches = json::array();
            for (const Branch& branch : step.branches)
                branches.push_back({{"label", branch.label}, {"next", branch.next}});
            object["branches"] = std::move(branches);
        }
        if (!step.next.empty())
            object["next"] = step.next;
        if (step.wait_ms != 0)
            object["wait_ms"] = step.wait_ms;
        steps.push_back(std::move(object));
    }
    json object = {{"id", guide.id}, {"locale", guide.locale}, {"title", guide.title}};
    if (!guide.summary.empty())
        object["summary"] = guide.summary;
    object["pages"] = guide.pages;
    object["steps"] = std::move(steps);
    return object;
}

Result<Guide> guide_from_json(const json& value, const std::string& base) {
    if (!value.is_object())
        return bad_shape(base, "a guide must be an object");
    Guide guide;
    SW_TRY(guide.id, read_string(value, base, "id", true));
    SW_TRY(guide.locale, read_string(value, base, "locale", false));
    SW_TRY(guide.title, read_string(value, base, "title", true));
    SW_TRY(guide.summary, read_string(value, base, "summary", false));
    SW_TRY(guide.pages, read_strings(value, base, "pages"));
    const auto steps = value.find("steps");
    if (steps == value.end() || !steps->is_array() || steps->empty())
        return bad_shape(base + "/steps", "a guide needs a list of steps");
    for (std::size_t i = 0; i < steps->size(); ++i) {
        SW_TRY(GuideStep step, read_step((*steps)[i], base + "/steps/" + std::to_string(i)));
        guide.steps.push_back(std::move(step));
    }
    // Links to steps that are not there would strand the shopper mid-guide: refuse the guide.
    auto known = [&](const std::string& id) { return resolve_step(guide, id).has_value(); };
    for (std::size_t i = 0; i < guide.steps.size(); ++i) {
        const GuideStep& step = guide.steps[i];
        if (!step.next.empty() && !known(step.next))
            return bad_shape(base + "/steps/" + std::to_string(i) + "/next", "next names no step");
        for (std::size_t b = 0; b < step.branches.size(); ++b)
            if (!known(step.branches[b].next))
                return bad_shape(base + "/steps/" + std::to_string(i) + "/branches/" + std::to_string(b) +
                                     "/next",
                                 "an answer names no step");
    }
    return guide;
}

} // namespace support::guide
