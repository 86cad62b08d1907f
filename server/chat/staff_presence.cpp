#include "server/chat/staff_presence.h"

namespace support::server {

std::shared_ptr<void> StaffPresence::arrive(const StaffAccount& staff) {
    {
        std::lock_guard lock(m_mutex);
        auto& [member, streams] = m_members[staff.id];
        member = Member{staff.id, staff.email};
        ++streams;
    }
    std::weak_ptr<StaffPresence> presence = weak_from_this();
    const std::int64_t id = staff.id;
    // A handle that owns nothing but leaves when it goes.
    return std::shared_ptr<void>(nullptr, [presence, id](void*) {
        if (auto alive = presence.lock())
            alive->leave(id);
    });
}

std::vector<StaffPresence::Member> StaffPresence::online() const {
    std::lock_guard lock(m_mutex);
    std::vector<Member> members;
    members.reserve(m_members.size());
    for (const auto& [id, entry] : m_members)
        members.push_back(entry.first);
    return members;
}

bool StaffPresence::anyone_online() const {
    std::lock_guard lock(m_mutex);
    return !m_members.empty();
}

void StaffPresence::leave(std::int64_t id) {
    std::lock_guard lock(m_mutex);
    const auto found = m_members.find(id);
    if (found != m_members.end() && --found->second.second == 0)
        m_members.erase(found);
}

} // namespace support::server
