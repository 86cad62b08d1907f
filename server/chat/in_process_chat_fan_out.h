#pragma once
// The fan-out of one server instance: notices go to the listeners in this process. Enough for a
// single instance (the SQLite default); several instances need one that crosses processes.

#include "server/chat/chat_fan_out.h"

#include <cstddef>
#include <map>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace support::server {

class InProcessChatFanOut : public ChatFanOut, public std::enable_shared_from_this<InProcessChatFanOut> {
  public:
    void publish(const ChatNotice& notice) override;
    std::unique_ptr<Subscription> subscribe(const std::string& conversation_id, Listener listener) override;
    std::unique_ptr<Subscription> subscribe_all(Listener listener) override;

    // Listeners registered now, for tests and the bench.
    std::size_t listener_count() const;
    // The conversations someone listens to now (not "" for the every-conversation listeners).
    std::vector<std::string> conversations_listened_to() const;

  private:
    class Handle;
    using Listeners = std::map<std::uint64_t, std::shared_ptr<const Listener>>;

    std::unique_ptr<Subscription> add(const std::string& conversation_id, Listener listener);
    void remove(const std::string& conversation_id, std::uint64_t id);

    mutable std::mutex m_mutex;
    std::uint64_t m_next_id = 0;
    // By conversation id; "" holds those listening to every conversation.
    std::unordered_map<std::string, Listeners> m_listeners;
};

} // namespace support::server
