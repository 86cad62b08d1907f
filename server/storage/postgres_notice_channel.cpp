#include "server/storage/notice_channel.h"
#include "server/storage/postgres_connection.h"
#include "server/storage/storage.h"

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

namespace support::server {

namespace {

class Receiver final : public pqxx::notification_receiver {
  public:
    Receiver(pqxx::connection_base& connection, const std::string& channel, const NoticeReceiver& receive)
        : pqxx::notification_receiver(connection, channel), m_receive(receive) {}
    void operator()(const std::string& payload, int /*backend_pid*/) override { m_receive(payload); }

  private:
    const NoticeReceiver& m_receive;
};

// LISTEN on one connection, watched by a thread of its own; NOTIFY through another.
class PostgresNoticeChannel final : public NoticeChannel {
  public:
    PostgresNoticeChannel(std::string url, std::string name, NoticeReceiver receive,
                          std::function<void()> reconnected)
        : m_url(std::move(url)), m_name(std::move(name)), m_receive(std::move(receive)),
          m_reconnected(std::move(reconnected)) {}

    ~PostgresNoticeChannel() override {
        m_stopping = true;
        if (m_thread.joinable())
            m_thread.join();
    }

    // Listens before returning, so nothing sent after open_notice_channel() returns is missed.
    Result<void> start() {
        try {
            m_listener = std::make_unique<pqxx::connection>(m_url);
            m_receiver = std::make_unique<Receiver>(*m_listener, m_name, m_receive);
            m_listener->get_notifs(); // issues the LISTEN
        } catch (const std::exception& thrown) {
            return postgres_error("storage.open_failed", thrown);
        }
        m_thread = std::thread([this] { listen(); });
        return ok();
    }

    Result<void> send(std::string_view payload) override {
        if (payload.size() > k_max_notice_bytes)
            return make_error("storage.notice_too_long",
                              "a notice is at most " + std::to_string(k_max_notice_bytes) + " bytes");
        std::lock_guard lock(m_sender_mutex);
        for (int attempt = 0; attempt < 2; ++attempt) {
            try {
                if (!m_sender || !m_sender->is_open())
                    m_sender = std::make_unique<pqxx::connection>(m_url);
                pqxx::nontransaction tx(*m_sender);
                tx.exec_params("SELECT pg_notify($1, $2)", m_name, std::string(payload));
                return ok();
            } catch (const std::exception& thrown) {
                m_sender.reset(); // a new connection for the second attempt
                if (attempt == 1)
                    return postgres_error("storage.unavailable", thrown);
            }
        }
        return ok();
    }

  private:
    void listen() {
        while (!m_stopping) {
            try {
                m_listener->await_notification(0, 200'000); // wakes to see m_stopping
            } catch (const std::exception&) {
                reconnect();
            }
        }
        m_receiver.reset();
    }

    // Until it works or the channel stops; then everyone catches up from the store.
    void reconnect() {
        m_receiver.reset();
        m_listener.reset();
        while (!m_stopping) {
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            try {
                m_listener = std::make_unique<pqxx::connection>(m_url);
                m_receiver = std::make_unique<Receiver>(*m_listener, m_name, m_receive);
                m_listener->get_notifs();
                m_reconnected();
                return;
            } catch (const std::exception&) {
                m_receiver.reset();
                m_listener.reset();
            }
        }
    }

    std::string m_url;
    std::string m_name;
    NoticeReceiver m_receive;
    std::function<void()> m_reconnected;
    std::unique_ptr<pqxx::connection> m_listener;
    std::unique_ptr<Receiver> m_receiver;
    std::mutex m_sender_mutex;
    std::unique_ptr<pqxx::connection> m_sender;
    std::atomic<bool> m_stopping{false};
    std::thread m_thread; // last: started by start() once the rest exists
};

} // namespace

Result<std::unique_ptr<NoticeChannel>> open_notice_channel(std::string_view spec, std::string name,
                                                           NoticeReceiver receive,
                                                           std::function<void()> reconnected) {
    if (!names_postgresql(spec))
        return std::unique_ptr<NoticeChannel>();
    auto channel = std::make_unique<PostgresNoticeChannel>(std::string(spec), std::move(name),
                                                           std::move(receive), std::move(reconnected));
    SW_TRY_VOID(channel->start());
    return std::unique_ptr<NoticeChannel>(std::move(channel));
}

} // namespace support::server
