#include "server/chat/staff_presence.h"

namespace support::server {

std::shared_ptr<void> StaffPresence::arrive(const StaffAccount& staff) {
    bool arrived = false;
    {
        std::lock_guard lock(m_mutex);
        auto& [member, streams] = m_members[staff.id];
        member = Member{staff.id, staff.email};
        arrived = ++streams == 1;
    }
    if (arrived)
        changed_here();
    std::weak_ptr<StaffPresence> presence = weak_from_this();
    const std::int64_t id = staff.id;
    // A handle that owns nothing but leaves when it goes.
    return std::shared_ptr<void>(nullptr, [presence, id](void*) {
        if (auto alive = presence.lock())
            alive->leave(id);
    });
}

std::vector<StaffPresence::Member> StaffPresence::online() const {
    const auto now = std::chrono::steady_clock::now();
    std::lock_guard lock(m_mutex);
    std::map<std::int64_t, Member> everyone;
    for (const auto& [id, entry] : m_members)
        everyone.emplace(id, entry.first);
    for (const auto& [instance, elsewhere] : m_elsewhere) {
        if (elsewhere.until < now)
            continue;
        for (const Member& member : elsewhere.members)
            everyone.emplace(member.id, member);
    }
    std::vector<Member> members;
    members.reserve(everyone.size());
    for (auto& [id, member] : everyone)
        members.push_back(std::move(member));
    return members;
}

bool StaffPresence::anyone_online() const {
    return !online().empty();
}

std::vector<StaffPresence::Member> StaffPresence::here() const {
    std::lock_guard lock(m_mutex);
    std::vector<Member> members;
    members.reserve(m_members.size());
    for (const auto& [id, entry] : m_members)
        members.push_back(entry.first);
    return members;
}

void StaffPresence::hear_elsewhere(const std::string& instance, std::vector<Member> members,
                                   std::chrono::steady_clock::time_point until) {
    std::lock_guard lock(m_mutex);
    m_elsewhere[instance] = Elsewhere{std::move(members), until};
}

void StaffPresence::on_change_here(std::function<void()> changed) {
    std::lock_guard lock(m_mutex);
    m_changed_here = std::move(changed);
}

void StaffPresence::changed_here() {
    std::function<void()> changed;
    {
        std::lock_guard lock(m_mutex);
        changed = m_changed_here;
    }
    if (changed)
        changed();
}

void StaffPresence::leave(std::int64_t id) {
    bool left = false;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_members.find(id);
        if (found != m_members.end() && --found->second.second == 0) {
            m_members.erase(found);
            left = true;
        }
    }
    if (left)
        changed_here();
}

} // namespace support::server
