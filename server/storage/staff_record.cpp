#include "server/storage/staff_record.h"

namespace support::server {

std::string_view staff_role_name(StaffRole role) {
    return role == StaffRole::Admin ? "admin" : "agent";
}

std::optional<StaffRole> parse_staff_role(std::string_view name) {
    if (name == "admin")
        return StaffRole::Admin;
    if (name == "agent")
        return StaffRole::Agent;
    return std::nullopt;
}

} // namespace support::server
