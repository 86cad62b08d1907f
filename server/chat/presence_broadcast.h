#pragma once
// Tells the other support-server instances sharing a PostgreSQL store who of the staff is online
// here, and hears who is online there (StaffPresence::hear_elsewhere): each instance sends its list
// over the store's "support_presence" notice channel when it changes and every k_presence_every,
// and a list lapses after k_presence_lapses unless sent again — so the staff of a killed instance
// are gone within that time, and the bot tells a shopper "someone will answer" only when someone
// is online on some instance.
//
//   SW_TRY(auto broadcast, PresenceBroadcast::open(db_spec, presence));   // nullptr for SQLite

#include "server/chat/staff_presence.h"
#include "server/storage/notice_channel.h"
#include "shared/core/result.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace support::server {

inline constexpr std::chrono::seconds k_presence_every{5};
inline constexpr std::chrono::seconds k_presence_lapses{15};

class PresenceBroadcast {
  public:
    // nullptr for a SQLite store (one instance: nothing to tell).
    static Result<std::unique_ptr<PresenceBroadcast>> open(std::string_view db_spec,
                                                           std::shared_ptr<StaffPresence> presence);
    ~PresenceBroadcast();

  private:
    explicit PresenceBroadcast(std::shared_ptr<StaffPresence> presence);
    void hear(std::string_view payload);
    void send_loop();

    std::string m_instance;
    std::shared_ptr<StaffPresence> m_presence;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_changed = true; // the first list goes out at once
    bool m_stopping = false;
    std::unique_ptr<NoticeChannel> m_channel;
    std::thread m_sender; // last
};

} // namespace support::server
