#include "shared/core/guide/guide.h"

#include <array>
#include <utility>

namespace support::guide {

namespace {

constexpr std::array<std::pair<Placement, const char*>, 5> k_placements{{
    {Placement::Auto, "auto"},
    {Placement::Top, "top"},
    {Placement::Bottom, "bottom"},
    {Placement::Left, "left"},
    {Placement::Right, "right"},
}};

constexpr std::array<std::pair<AdvanceKind, const char*>, 5> k_advance_kinds{{
    {AdvanceKind::Manual, "manual"},
    {AdvanceKind::TargetClicked, "target_clicked"},
    {AdvanceKind::FieldFilled, "field_filled"},
    {AdvanceKind::UrlReached, "url_reached"},
    {AdvanceKind::ElementVisible, "element_visible"},
}};

template <typename Enum, std::size_t N>
const char* name_in(const std::array<std::pair<Enum, const char*>, N>& table, Enum value) {
    for (const auto& [entry, name] : table)
        if (entry == value)
            return name;
    return table[0].second;
}

template <typename Enum, std::size_t N>
bool parse_in(const std::array<std::pair<Enum, const char*>, N>& table, std::string_view name, Enum& out) {
    for (const auto& [entry, entry_name] : table) {
        if (name == entry_name) {
            out = entry;
            return true;
        }
    }
    return false;
}

} // namespace

const char* placement_name(Placement placement) {
    return name_in(k_placements, placement);
}

const char* advance_kind_name(AdvanceKind kind) {
    return name_in(k_advance_kinds, kind);
}

bool parse_placement(std::string_view name, Placement& out) {
    return parse_in(k_placements, name, out);
}

bool parse_advance_kind(std::string_view name, AdvanceKind& out) {
    return parse_in(k_advance_kinds, name, out);
}

} // namespace support::guide
