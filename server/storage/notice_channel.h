#pragma once
// Short text notices between the support-server instances that share one store: what one sends,
// every instance listening hears (itself too). PostgreSQL carries them with LISTEN/NOTIFY; a SQLite
// store is one instance's alone and has none. A notice is a wake-up, never the data: a notice lost
// (the listening connection dropped meanwhile) is made good by `reconnected`, after which listeners
// read what they missed from the store.
//
//   auto channel = open_notice_channel(spec, "support_chat", [](std::string_view payload) { … },
//                                      [] { /* catch up */ });
//   (*channel)->send(R"({"conversation":"c-1","seq":4})");

#include "shared/core/result.h"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace support::server {

class NoticeChannel {
  public:
    virtual ~NoticeChannel() = default;
    // Sends `payload` (at most k_max_notice_bytes) to every listening instance. Errors:
    // storage.unavailable, storage.notice_too_long.
    virtual Result<void> send(std::string_view payload) = 0;
};

inline constexpr std::size_t k_max_notice_bytes = 7900; // PostgreSQL's limit is 8000

using NoticeReceiver = std::function<void(std::string_view payload)>;

// The channel `name` ([a-z_]+) of the store `spec` names: nullptr for SQLite (one instance, nothing
// to cross), LISTEN/NOTIFY on its own two connections for PostgreSQL. `receive` and `reconnected`
// run on the channel's thread; the channel stops listening when destroyed.
Result<std::unique_ptr<NoticeChannel>> open_notice_channel(std::string_view spec, std::string name,
                                                           NoticeReceiver receive,
                                                           std::function<void()> reconnected);

} // namespace support::server
