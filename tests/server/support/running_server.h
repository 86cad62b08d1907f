#pragma once
// The real HttpServer on 127.0.0.1 and an ephemeral port, run on its own thread for the duration of
// a test, stopped (and waited for) when the object goes away.

#include "catch_amalgamated.hpp"

#include "server/http/http_server.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

namespace support::server::test {

class RunningServer {
  public:
    explicit RunningServer(RequestHandler handler, ServerOptions options = {}) {
        options.host = "127.0.0.1";
        options.port = 0;
        if (options.threads == 0)
            options.threads = 2;
        auto server = HttpServer::listen(options, std::move(handler));
        REQUIRE(server.has_value());
        m_server = std::move(*server);
        m_thread = std::thread([this] {
            m_server->run();
            m_finished = true;
        });
    }
    ~RunningServer() { stop(); }
    RunningServer(const RunningServer&) = delete;
    RunningServer& operator=(const RunningServer&) = delete;

    std::uint16_t port() const { return m_server->port(); }
    HttpServer& server() { return *m_server; }
    bool finished() const { return m_finished; }

    // Stops the server and waits for run() to return; how long that took.
    std::chrono::milliseconds stop() {
        const auto started = std::chrono::steady_clock::now();
        if (m_thread.joinable()) {
            m_server->stop();
            m_thread.join();
        }
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                     started);
    }

  private:
    std::unique_ptr<HttpServer> m_server;
    std::thread m_thread;
    std::atomic<bool> m_finished{false};
};

} // namespace support::server::test
