#include "server/chat/in_process_chat_fan_out.h"

#include <cassert>
#include <utility>
#include <vector>

namespace support::server {

class InProcessChatFanOut::Handle : public ChatFanOut::Subscription {
  public:
    Handle(std::weak_ptr<InProcessChatFanOut> fan_out, std::string conversation_id, std::uint64_t id)
        : m_fan_out(std::move(fan_out)), m_conversation_id(std::move(conversation_id)), m_id(id) {}
    ~Handle() override {
        if (auto fan_out = m_fan_out.lock())
            fan_out->remove(m_conversation_id, m_id);
    }

  private:
    std::weak_ptr<InProcessChatFanOut> m_fan_out;
    std::string m_conversation_id;
    std::uint64_t m_id;
};

void InProcessChatFanOut::publish(const ChatNotice& notice) {
    assert(!notice.conversation_id.empty());
    std::vector<std::shared_ptr<const Listener>> listeners;
    {
        std::lock_guard lock(m_mutex);
        for (const std::string& key : {notice.conversation_id, std::string()}) {
            const auto found = m_listeners.find(key);
            if (found == m_listeners.end())
                continue;
            for (const auto& [id, listener] : found->second)
                listeners.push_back(listener);
        }
    }
    for (const auto& listener : listeners)
        (*listener)(notice);
}

std::unique_ptr<ChatFanOut::Subscription> InProcessChatFanOut::subscribe(const std::string& conversation_id,
                                                                         Listener listener) {
    assert(!conversation_id.empty());
    return add(conversation_id, std::move(listener));
}

std::unique_ptr<ChatFanOut::Subscription> InProcessChatFanOut::subscribe_all(Listener listener) {
    return add(std::string(), std::move(listener));
}

std::size_t InProcessChatFanOut::listener_count() const {
    std::lock_guard lock(m_mutex);
    std::size_t count = 0;
    for (const auto& [key, listeners] : m_listeners)
        count += listeners.size();
    return count;
}

std::vector<std::string> InProcessChatFanOut::conversations_listened_to() const {
    std::lock_guard lock(m_mutex);
    std::vector<std::string> ids;
    for (const auto& [key, listeners] : m_listeners) {
        if (!key.empty())
            ids.push_back(key);
    }
    return ids;
}

std::unique_ptr<ChatFanOut::Subscription> InProcessChatFanOut::add(const std::string& conversation_id,
                                                                   Listener listener) {
    std::lock_guard lock(m_mutex);
    const std::uint64_t id = m_next_id++;
    m_listeners[conversation_id].emplace(id, std::make_shared<const Listener>(std::move(listener)));
    return std::make_unique<Handle>(weak_from_this(), conversation_id, id);
}

void InProcessChatFanOut::remove(const std::string& conversation_id, std::uint64_t id) {
    std::lock_guard lock(m_mutex);
    const auto found = m_listeners.find(conversation_id);
    if (found == m_listeners.end())
        return;
    found->second.erase(id);
    if (found->second.empty())
        m_listeners.erase(found);
}

} // namespace support::server
