#include "server/chat/presence_broadcast.h"

#include "server/chat/cross_instance_chat_fan_out.h"
#include "server/chat/instance_notice_wire.h"

namespace support::server {

namespace {

constexpr const char* k_channel = "support_presence";

} // namespace

PresenceBroadcast::PresenceBroadcast(std::shared_ptr<StaffPresence> presence)
    : m_instance(new_instance_id()), m_presence(std::move(presence)) {}

Result<std::unique_ptr<PresenceBroadcast>> PresenceBroadcast::open(std::string_view db_spec,
                                                                   std::shared_ptr<StaffPresence> presence) {
    std::unique_ptr<PresenceBroadcast> broadcast(new PresenceBroadcast(std::move(presence)));
    PresenceBroadcast* raw = broadcast.get();
    SW_TRY(broadcast->m_channel,
           open_notice_channel(
               db_spec, k_channel, [raw](std::string_view payload) { raw->hear(payload); },
               [raw] {
                   // Lists sent meanwhile were lost: send ours again now.
                   std::lock_guard lock(raw->m_mutex);
                   raw->m_changed = true;
                   raw->m_wake.notify_one();
               }));
    if (!broadcast->m_channel)
        return std::unique_ptr<PresenceBroadcast>();
    broadcast->m_presence->on_change_here([raw] {
        std::lock_guard lock(raw->m_mutex);
        raw->m_changed = true;
        raw->m_wake.notify_one();
    });
    broadcast->m_sender = std::thread([raw] { raw->send_loop(); });
    return broadcast;
}

PresenceBroadcast::~PresenceBroadcast() {
    m_presence->on_change_here(nullptr);
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_sender.joinable())
        m_sender.join();
}

void PresenceBroadcast::hear(std::string_view payload) {
    auto report = decode_presence_report(payload);
    if (!report || report->instance == m_instance)
        return;
    m_presence->hear_elsewhere(report->instance, std::move(report->members),
                               std::chrono::steady_clock::now() + k_presence_lapses);
}

void PresenceBroadcast::send_loop() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait_for(lock, k_presence_every, [this] { return m_stopping || m_changed; });
        if (m_stopping)
            return;
        m_changed = false;
        lock.unlock();
        // A list too long for one notice (hundreds of agents online) is cut: presence only needs someone.
        PresenceReport report{m_instance, m_presence->here()};
        std::string payload = encode_presence_report(report);
        while (payload.size() > k_max_notice_bytes && !report.members.empty()) {
            report.members.resize(report.members.size() / 2);
            payload = encode_presence_report(report);
        }
        (void)m_channel->send(payload);
        lock.lock();
    }
}

} // namespace support::server
