#pragma once
// Who of the staff is online: a member is while they hold the console's inbox stream open (one
// per console tab). The bot tells a shopper asking for a person whether someone will answer
// shortly or whether to leave an e-mail address, from this.
//
//   auto here = presence.arrive(session.staff);   // the inbox stream opened
//   presence.online();                            // [{id, email}], each member once
//   here.reset();                                 // the stream ended: gone, unless another tab holds one
//
// With several instances behind a load balancer, each knows the consoles connected to it and hears
// the others' (PresenceBroadcast, over the store's notice channel): online() is everyone's. What
// an instance reported lapses unless it reports again in time, so a killed instance's staff go.

#include "server/storage/staff_record.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace support::server {

class StaffPresence : public std::enable_shared_from_this<StaffPresence> {
  public:
    struct Member {
        std::int64_t id = 0;
        std::string email;
        bool operator==(const Member&) const = default;
    };

    // Present until the returned handle is destroyed. Create the presence with make_shared.
    std::shared_ptr<void> arrive(const StaffAccount& staff);
    // Everyone present here or on another instance, by id, each once however many tabs they have open.
    std::vector<Member> online() const;
    bool anyone_online() const;

    // Those present on this instance, by id.
    std::vector<Member> here() const;
    // Another instance's members, as it reported them, until `until` (steady clock).
    void hear_elsewhere(const std::string& instance, std::vector<Member> members,
                        std::chrono::steady_clock::time_point until);
    // Called (outside the lock) whenever someone arrives here or the last tab of someone leaves.
    void on_change_here(std::function<void()> changed);

  private:
    struct Elsewhere {
        std::vector<Member> members;
        std::chrono::steady_clock::time_point until;
    };

    void leave(std::int64_t id);
    void changed_here();

    mutable std::mutex m_mutex;
    std::map<std::int64_t, std::pair<Member, std::size_t>> m_members; // id → member, open streams
    std::map<std::string, Elsewhere> m_elsewhere;                     // instance → what it reported
    std::function<void()> m_changed_here;
};

} // namespace support::server
