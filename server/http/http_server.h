#pragma once
// The HTTP/1.1 listener: accepts connections and runs one coroutine per connection on a pool of
// threads, handing each request to a RequestHandler. Boost.Beast stays inside http_server.cpp.
//
//   SW_TRY(auto server, HttpServer::listen(options, handler));  // bound and listening
//   std::cout << "listening on " << server->url() << '\n';
//   server->run();                                             // until stop() or SIGINT/SIGTERM
//
// Limits: request headers and bodies are capped (431/413, then the connection closes), a
// connection idle for read_timeout is closed, malformed HTTP closes the connection, and
// connections past max_connections are refused with a 503.
// Bodies: a handler's bytes, bytes it shares (sent without a copy) or an open file, sent with
// sendfile(2) in bounded chunks; a client that takes no data for write_timeout is dropped, and a
// slow one holds a descriptor, not a thread or the file's bytes.
// Handlers may answer later (a pending Reply): the connection waits without a thread. Keep or drop
// every promise before the HttpServer is destroyed.
// Shutdown: stop accepting, close idle keep-alive connections, let responses in flight finish
// for at most shutdown_grace, then return from run().

#include "server/http/client_address.h"
#include "server/http/http_message.h"
#include "server/http/router.h"
#include "shared/core/result.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace support::server {

enum class SignalHandling { StopOnSigintSigterm, None };
enum class RequestLog { Quiet, OneLinePerRequest };

// Connections open at once, by default.
inline constexpr std::size_t k_default_max_connections = 10'000;

struct ServerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    RequestLog request_log = RequestLog::Quiet;
    SignalHandling signals = SignalHandling::None;
    unsigned threads = 0; // 0: std::thread::hardware_concurrency(), at least 1
    std::chrono::milliseconds read_timeout{30'000};
    std::chrono::milliseconds write_timeout{30'000};
    std::chrono::milliseconds shutdown_grace{5'000};
    std::size_t header_limit = 16 * 1024;
    // Past it the connection gets a 413 and closes; handlers set tighter limits of their own (the
    // feedback API's 16 KB) and answer those in their own words.
    std::size_t body_limit = 64 * 1024;
    // Connections open at once; past it a new connection gets a 503 (server.http.too_many_connections)
    // and is closed, so the server keeps answering those it has instead of running out of descriptors.
    std::size_t max_connections = k_default_max_connections;
    // Peers whose X-Forwarded-For names the client (a load balancer): a request's remote_address
    // is then that client (client_address.h). Empty: the peer is the client.
    TrustedProxies trusted_proxies;
};

class HttpServer {
  public:
    // Resolves the host, binds and listens. Errors: server.listen.bad_host, server.listen.failed.
    static Result<std::unique_ptr<HttpServer>> listen(ServerOptions options, RequestHandler handler);

    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // The bound address and port (the real one when port 0 was asked for).
    std::string host() const;
    std::uint16_t port() const;
    // "http://127.0.0.1:8080", or "http://[::1]:8080" for IPv6.
    std::string url() const;

    // Serves until stop() or, with SignalHandling::StopOnSigintSigterm, a signal; then shuts
    // down as described above and returns. Call once.
    void run();

    // Starts the shutdown; safe from any thread, and more than once.
    void stop();

  private:
    struct Impl;
    explicit HttpServer(std::unique_ptr<Impl> impl);

    std::unique_ptr<Impl> m_impl;
};

} // namespace support::server
