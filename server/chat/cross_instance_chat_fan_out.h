#pragma once
// The fan-out of several server instances sharing one PostgreSQL store: a notice published here
// reaches this instance's listeners at once (with the event) and the other instances' through the
// store's notice channel (LISTEN/NOTIFY) as site, conversation, seq and kind only — their streams
// read the event from the store by seq, so a notice lost on the way is caught up by the next one,
// and after the channel reconnects every conversation listened to here is told to catch up.
//
//   SW_TRY(auto fan_out, CrossInstanceChatFanOut::open(db_spec));   // db_spec: postgresql://…
//
// Typing notices cross too (they are never stored). How a notice crosses: instance_notice_wire.h.

#include "server/chat/chat_fan_out.h"
#include "server/chat/in_process_chat_fan_out.h"
#include "server/storage/notice_channel.h"
#include "shared/core/result.h"

#include <memory>
#include <string>
#include <string_view>

namespace support::server {

// A random name for this process among the instances (12 characters of [0-9a-z]).
std::string new_instance_id();

class CrossInstanceChatFanOut final : public ChatFanOut {
  public:
    // Listens on the store's "support_chat" channel. An SQLite spec gives a plain
    // InProcessChatFanOut (one instance has nothing to cross).
    static Result<std::shared_ptr<ChatFanOut>> open(std::string_view db_spec);

    void publish(const ChatNotice& notice) override;
    std::unique_ptr<Subscription> subscribe(const std::string& conversation_id, Listener listener) override;
    std::unique_ptr<Subscription> subscribe_all(Listener listener) override;

  private:
    CrossInstanceChatFanOut();
    void hear(std::string_view payload);
    void catch_up_everyone();

    std::string m_instance; // random, per process
    std::shared_ptr<InProcessChatFanOut> m_local;
    std::unique_ptr<NoticeChannel> m_channel; // last: its thread calls hear()
};

} // namespace support::server
