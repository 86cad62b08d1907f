#include "server/storage/feedback_triage.h"

#include <array>

namespace support::server {

namespace {

constexpr std::array<std::pair<TriageAction, std::string_view>, 4> k_action_names = {{
    {TriageAction::SetStatus, "status"},
    {TriageAction::AddTag, "tag_added"},
    {TriageAction::RemoveTag, "tag_removed"},
    {TriageAction::AddNote, "note"},
}};

} // namespace

std::string_view triage_action_name(TriageAction action) {
    for (const auto& [known, name] : k_action_names) {
        if (known == action)
            return name;
    }
    return "note";
}

std::optional<TriageAction> parse_triage_action(std::string_view name) {
    for (const auto& [action, known] : k_action_names) {
        if (known == name)
            return action;
    }
    return std::nullopt;
}

} // namespace support::server
