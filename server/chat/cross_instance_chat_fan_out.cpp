#include "server/chat/cross_instance_chat_fan_out.h"

#include <nlohmann/json.hpp>

#include <limits>
#include <random>

namespace support::server {

namespace {

using nlohmann::json;

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
    (void)m_channel->send(encode(notice, m_instance));
}

std::unique_ptr<ChatFanOut::Subscription>
CrossInstanceChatFanOut::subscribe(const std::string& conversation_id, Listener listener) {
    return m_local->subscribe(conversation_id, std::move(listener));
}

std::unique_ptr<ChatFanOut::Subscription> CrossInstanceChatFanOut::subscribe_all(Listener listener) {
    return m_local->subscribe_all(std::move(listener));
}

std::string CrossInstanceChatFanOut::encode(const ChatNotice& notice, std::string_view instance) {
    json out = {{"from", instance}, {"site", notice.site}, {"conversation", notice.conversation_id}};
    if (notice.kind == ChatNotice::Kind::Stored) {
        out["seq"] = notice.seq;
        if (notice.event_kind)
            out["event"] = chat::event_kind_name(*notice.event_kind);
    } else {
        out["typist"] = chat::author_name(notice.typist);
        out["label"] = notice.typist_label;
    }
    return out.dump();
}

std::optional<ChatNotice> CrossInstanceChatFanOut::decode(std::string_view payload,
                                                          std::string_view instance) {
    const json in = json::parse(payload, nullptr, false);
    if (!in.is_object() || in.value("from", "") == instance || !in.contains("conversation") ||
        !in["conversation"].is_string() || in["conversation"].get_ref<const std::string&>().empty())
        return std::nullopt;
    ChatNotice notice;
    notice.site = in.value("site", "");
    notice.conversation_id = in["conversation"].get<std::string>();
    if (in.contains("seq") && in["seq"].is_number_unsigned()) {
        notice.kind = ChatNotice::Kind::Stored;
        notice.seq = in["seq"].get<std::uint64_t>();
        notice.event_kind = chat::event_kind_from_name(in.value("event", ""));
        return notice;
    }
    const auto typist = chat::author_from_name(in.value("typist", ""));
    if (!typist)
        return std::nullopt;
    notice.kind = ChatNotice::Kind::Typing;
    notice.typist = *typist;
    notice.typist_label = in.value("label", "");
    return notice;
}

void CrossInstanceChatFanOut::hear(std::string_view payload) {
    if (auto notice = decode(payload, m_instance))
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
