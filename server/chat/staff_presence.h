#pragma once
// Who of the staff is online: a member is while they hold the console's inbox stream open (one
// per console tab). The bot tells a shopper asking for a person whether someone will answer
// shortly or whether to leave an e-mail address, from this.
//
//   auto here = presence.arrive(session.staff);   // the inbox stream opened
//   presence.online();                            // [{id, email}], each member once
//   here.reset();                                 // the stream ended: gone, unless another tab holds one
//
// Per server instance: with several instances behind a load balancer, each knows the consoles
// connected to it (issue 23 takes presence to the shared database with the fan-out).

#include "server/storage/staff_record.h"

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
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
    // Everyone present, by id, each once however many tabs they have open.
    std::vector<Member> online() const;
    bool anyone_online() const;

  private:
    void leave(std::int64_t id);

    mutable std::mutex m_mutex;
    std::map<std::int64_t, std::pair<Member, std::size_t>> m_members; // id → member, open streams
};

} // namespace support::server
