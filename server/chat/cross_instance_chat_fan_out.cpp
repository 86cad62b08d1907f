#include "server/chat/cross_instance_chat_fan_out.h"

#include "server/chat/instance_notice_wire.h"

#include <limits>
#include <random>

namespace support::server {

namespace {

constexpr const char* k_channel = "support_chat";

} // namespace

std::string new_instance_id() {
    std::random_device random;
    std::uniform_int_distribution<std::uint64_t> any;
    std::uint64_t value = any(random);
    static constexpr char k_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::string id;
    for (int i = 0; i < 12; ++i, value /= 36)
        id += k_digits[value % 36];
    return id;
}

CrossInstanceChatFanOut::CrossInstanceChatFanOut()
    : m_instance(new_instance_id()), m_local(std::make_shared<InProcessChatFanOut>()) {}

Result<std::shared_ptr<ChatFanOut>> CrossInstanceChatFanOut::open(std::string_view db_spec) {
    std::shared_ptr<CrossInstanceChatFanOut> fan_out(new CrossInstanceChatFanOut());
    CrossInstanceChatFanOut* raw = fan_out.get();
    SW_TRY(fan_out->m_channel,
           open_notice_channel(
               db_spec, k_channel, [raw](std::string_view payload) { raw->hear(payload); },
               [raw] { raw->catch_up_everyone(); }));
    if (!fan_out->m_channel)
        return std::shared_ptr<ChatFanOut>(std::make_shared<InProcessChatFanOut>());
    return std::shared_ptr<ChatFanOut>(std::move(fan_out));
}

void CrossInstanceChatFanOut::publish(const ChatNotice& notice) {
    m_local->publish(notice);
    // The other instances' streams catch up from the store on their next notice when this one is lost.
    (void)m_channel->send(encode_chat_notice(notice, m_instance));
}

std::unique_ptr<ChatFanOut::Subscription>
CrossInstanceChatFanOut::subscribe(const std::string& conversation_id, Listener listener) {
    return m_local->subscribe(conversation_id, std::move(listener));
}

std::unique_ptr<ChatFanOut::Subscription> CrossInstanceChatFanOut::subscribe_all(Listener listener) {
    return m_local->subscribe_all(std::move(listener));
}

void CrossInstanceChatFanOut::hear(std::string_view payload) {
    if (auto notice = decode_chat_notice(payload, m_instance))
        m_local->publish(*notice);
}

void CrossInstanceChatFanOut::catch_up_everyone() {
    // Notices sent while the channel was down are lost: a notice past any seq makes each stream
    // read what it missed from the store.
    for (const std::string& id : m_local->conversations_listened_to()) {
        ChatNotice notice;
        notice.conversation_id = id;
        notice.seq = std::numeric_limits<std::uint64_t>::max();
        m_local->publish(notice);
    }
}

} // namespace support::server
