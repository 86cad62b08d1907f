#include "server/http/http_server.h"

#include "server/http/json_error.h"
#include "server/http/response_stream.h"
#include "server/middleware/request_framing.h"
#include "server/static/open_file.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/http/span_body.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/sendfile.h>
#include <sys/socket.h>

namespace support::server {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using namespace asio::experimental::awaitable_operators;

namespace {

constexpr auto k_use_tuple = asio::as_tuple(asio::use_awaitable);
constexpr auto k_shutdown_poll = std::chrono::milliseconds(10);
// A file is sent in sendfile(2) calls of at most this many bytes, and the connection yields its
// thread between them, so one fast download of a large file does not hold up everyone else.
constexpr off_t k_sendfile_chunk = 1 << 20;
// How long a connection closed with an error answer (a 503 over the connection limit, a 413, a
// malformed request) is given to read it before it is closed.
constexpr auto k_lingering_close = std::chrono::seconds(1);

// One connection. `reading` is true while the session waits for a request, so shutdown knows it
// may close the connection without cutting a response short; `streaming` is the stream it is
// sending, which shutdown ends. Only the session's strand touches them.
struct Session {
    explicit Session(tcp::socket socket) : stream(std::move(socket)) {
        beast::error_code ec;
        const auto peer = stream.socket().remote_endpoint(ec);
        if (!ec)
            remote_address = peer.address().to_string();
    }
    beast::tcp_stream stream;
    std::string remote_address;
    bool reading = false;
    std::shared_ptr<ResponseStream> streaming;
};

HttpRequest to_request(const http::request<http::string_body>& message, const std::string& peer,
                       const TrustedProxies& trusted_proxies) {
    HttpRequest request;
    request.remote_address = peer;
    if (!trusted_proxies.empty()) {
        std::string forwarded_for; // every X-Forwarded-For header, in order, as one list
        const auto [first, last] = message.equal_range("X-Forwarded-For");
        for (auto field = first; field != last; ++field)
            forwarded_for += (forwarded_for.empty() ? "" : ",") + std::string(field->value());
        request.remote_address = client_address(peer, forwarded_for, trusted_proxies);
    }
    request.method = std::string(message.method_string());
    request.target = std::string(message.target());
    request.version = message.version();
    for (const auto& field : message)
        request.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    request.body = message.body();
    return request;
}

// Errors of Beast's parser that mean the bytes are not a valid request, as opposed to a
// connection that ended, timed out or was cancelled (nothing to answer then).
bool is_malformed_request(const beast::error_code& error) {
    if (!error || error.category() != http::make_error_code(http::error::bad_method).category())
        return false;
    return error != http::error::end_of_stream && error != http::error::partial_message &&
           error != http::error::short_read && error != http::error::need_more;
}

bool has_no_body_status(unsigned status) {
    return (status >= 100 && status < 200) || status == 204 || status == 304;
}

// Status, headers and framing of `response` on a Beast message of any body type. No Server
// header: it would cost bytes on every response (the loader's budget counts its headers) and tell
// a scanner what answers.
template <class Body>
void set_head(http::response<Body>& message, const HttpResponse& response, unsigned version,
              bool keep_alive) {
    message.version(version);
    message.result(response.status);
    for (const auto& [name, value] : response.headers)
        message.insert(name, value);
    // A HEAD answer announces the length of the body a GET would have sent. A stream has none: its
    // body ends when the connection closes.
    if (!has_no_body_status(response.status) && !response.stream_body)
        message.content_length(response.head_content_length.value_or(response.body_size()));
    message.keep_alive(keep_alive);
}

http::response<http::string_body> to_message(HttpResponse response, unsigned version, bool keep_alive) {
    http::response<http::string_body> message;
    set_head(message, response, version, keep_alive);
    if (!has_no_body_status(response.status))
        message.body() = std::move(response.body);
    return message;
}

// TCP_CORK holds partial segments while a header and the file after it are written separately,
// so they leave in full segments; uncorking sends what is left.
void set_cork(tcp::socket& socket, bool on) {
    const int value = on ? 1 : 0;
    ::setsockopt(socket.native_handle(), IPPROTO_TCP, TCP_CORK, &value, sizeof value);
}

void log_line(const std::string& line) {
    // One write per line so lines from several threads do not interleave.
    std::fwrite(line.data(), 1, line.size(), stderr);
}

void log_exception(std::exception_ptr error, const char* where) {
    if (!error)
        return;
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        log_line(std::string("support-server: server.internal: ") + where + ": " + e.what() + "\n");
    } catch (...) {
        log_line(std::string("support-server: server.internal: ") + where + ": unknown exception\n");
    }
}

// The request-target as the request log writes it: a query's token= value is masked, so the log
// never holds a secret (a chat stream's EventSource can only send its token in the query).
std::string loggable_target(std::string_view target) {
    std::string logged(target);
    const auto query = logged.find('?');
    if (query == std::string::npos)
        return logged;
    for (auto at = logged.find("token=", query); at != std::string::npos; at = logged.find("token=", at)) {
        const bool parameter_start = logged[at - 1] == '?' || logged[at - 1] == '&';
        at += 6;
        if (!parameter_start)
            continue;
        const auto end = std::min(logged.find('&', at), logged.size());
        logged.replace(at, end - at, "…");
    }
    return logged;
}

std::string endpoint_host(const tcp::endpoint& endpoint) {
    const auto address = endpoint.address();
    return address.is_v6() ? "[" + address.to_string() + "]" : address.to_string();
}

// Suspends the connection until a pending reply's promise is kept, holding no thread meanwhile.
// The wake-up is posted to the connection's own executor, so it runs after the wait has begun.
template <class Executor> asio::awaitable<void> wait_for(Reply& reply, Executor executor) {
    auto wake = std::make_shared<asio::steady_timer>(executor, asio::steady_timer::time_point::max());
    reply.when_ready([wake, executor] { asio::post(executor, [wake] { wake->cancel(); }); });
    co_await wake->async_wait(k_use_tuple);
}

} // namespace

struct HttpServer::Impl {
    Impl(ServerOptions server_options, RequestHandler request_handler)
        : options(std::move(server_options)), handler(std::move(request_handler)) {}

    ServerOptions options;
    RequestHandler handler;

    // Declared before the io_context so they outlive it: destroying the io_context destroys any
    // session coroutines still pending, and they unregister themselves here.
    std::mutex sessions_mutex;
    std::unordered_map<std::uint64_t, std::weak_ptr<Session>> sessions;
    std::uint64_t next_session_id = 0;
    std::atomic<bool> stopping{false};

    asio::io_context io;
    // Accepting, signals and shutdown run on this strand, so they never race each other.
    asio::strand<asio::io_context::executor_type> control{asio::make_strand(io)};
    tcp::acceptor acceptor{control};
    asio::signal_set signals{control};
    tcp::endpoint local_endpoint;

    std::size_t session_count() {
        std::lock_guard lock(sessions_mutex);
        return sessions.size();
    }

    asio::awaitable<void> accept_loop();
    void start_session(tcp::socket socket);
    void refuse_connection(tcp::socket socket);
    asio::awaitable<void> refuse(std::shared_ptr<Session> session);
    asio::awaitable<void> run_session(std::shared_ptr<Session> session);
    asio::awaitable<bool> write_response(Session& session, HttpResponse response, unsigned version,
                                         bool keep_alive);
    asio::awaitable<bool> send_file(Session& session, const OpenFile& file);
    asio::awaitable<void> send_stream(Session& session, ResponseStream& stream);
    asio::awaitable<void> send_error_and_close(Session& session, unsigned status, const Error& error);
    void request_stop();
    asio::awaitable<void> shut_down();
};

asio::awaitable<void> HttpServer::Impl::accept_loop() {
    while (!stopping) {
        auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), k_use_tuple);
        if (ec == asio::error::operation_aborted || stopping)
            co_return;
        if (ec) {
            // Out of file descriptors and the like: back off briefly instead of spinning.
            asio::steady_timer backoff(control, std::chrono::milliseconds(50));
            co_await backoff.async_wait(k_use_tuple);
            continue;
        }
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        if (session_count() >= options.max_connections)
            refuse_connection(tcp::socket(std::move(socket)));
        else
            start_session(tcp::socket(std::move(socket)));
    }
}

void HttpServer::Impl::start_session(tcp::socket socket) {
    auto session = std::make_shared<Session>(std::move(socket));
    std::uint64_t id = 0;
    {
        std::lock_guard lock(sessions_mutex);
        id = next_session_id++;
        sessions.emplace(id, session);
    }
    auto executor = session->stream.get_executor();
    asio::co_spawn(executor, run_session(std::move(session)), [this, id](std::exception_ptr error) {
        log_exception(error, "connection");
        std::lock_guard lock(sessions_mutex);
        sessions.erase(id);
    });
}

void HttpServer::Impl::refuse_connection(tcp::socket socket) {
    auto session = std::make_shared<Session>(std::move(socket));
    auto executor = session->stream.get_executor();
    asio::co_spawn(executor, refuse(std::move(session)),
                   [](std::exception_ptr error) { log_exception(error, "refusal"); });
}

asio::awaitable<void> HttpServer::Impl::refuse(std::shared_ptr<Session> session) {
    co_await send_error_and_close(*session, 503,
                                  make_error("server.http.too_many_connections",
                                             "the server is at its connection limit; try again shortly"));
    session->stream.close();
}

asio::awaitable<void> HttpServer::Impl::send_error_and_close(Session& session, unsigned status,
                                                             const Error& error) {
    auto message = to_message(error_response(status, error), 11, false);
    message.set("X-Content-Type-Options", "nosniff");
    auto& stream = session.stream;
    stream.expires_after(options.write_timeout);
    auto [write_error, written] = co_await http::async_write(stream, message, k_use_tuple);
    if (write_error)
        co_return;
    // Lingering close: read (and drop) what the client is still sending until it closes, or
    // briefly. Closing with unread bytes would reset the connection, and the client could lose the
    // answer before reading it (a body refused as too large is still on its way).
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.expires_after(k_lingering_close);
    std::array<char, 4096> sink{};
    for (;;) {
        auto [read_error, read] = co_await stream.async_read_some(asio::buffer(sink), k_use_tuple);
        if (read_error)
            break;
    }
}

asio::awaitable<void> HttpServer::Impl::run_session(std::shared_ptr<Session> session) {
    beast::flat_buffer buffer;
    auto& stream = session->stream;
    while (!stopping) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
        parser.body_limit(options.body_limit);
        stream.expires_after(options.read_timeout);
        session->reading = true;
        auto [read_error, read_size] = co_await http::async_read(stream, buffer, parser, k_use_tuple);
        session->reading = false;
        if (read_error == http::error::body_limit) {
            co_await send_error_and_close(
                *session, 413, make_error("server.http.body_too_large", "the request body is too large"));
            break;
        }
        if (read_error == http::error::header_limit) {
            co_await send_error_and_close(
                *session, 431, make_error("server.http.header_too_large", "the request header is too large"));
            break;
        }
        if (is_malformed_request(read_error)) {
            co_await send_error_and_close(
                *session, 400,
                make_error("server.http.malformed_request", "the request is not valid HTTP/1.1"));
            break;
        }
        // End of stream, timeout or shutdown: nothing useful can be answered.
        if (read_error)
            break;

        const auto started = std::chrono::steady_clock::now();
        const auto& message = parser.get();
        const HttpRequest request = to_request(message, session->remote_address, options.trusted_proxies);
        if (auto framing = request_framing_error(request)) {
            co_await send_error_and_close(*session, 400, *framing);
            break;
        }
        Reply reply = handler(request);
        if (!reply.is_ready())
            co_await wait_for(reply, stream.get_executor());
        HttpResponse response = std::move(reply).take();
        // Read after the handler ran, so a shutdown that began meanwhile answers "Connection: close".
        // A stream's body ends with the connection.
        const bool keep_alive = message.keep_alive() && !stopping && !response.stream_body;
        if (options.request_log == RequestLog::OneLinePerRequest) {
            const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
                std::chrono::steady_clock::now() - started);
            log_line(request.method + " " + loggable_target(request.target) + " " +
                     std::to_string(response.status) + " " + std::to_string(response.body_size()) + "B " +
                     std::to_string(elapsed.count()) + "us\n");
        }
        const bool written =
            co_await write_response(*session, std::move(response), message.version(), keep_alive);
        if (!written || !keep_alive)
            break;
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    stream.close();
}

asio::awaitable<bool> HttpServer::Impl::write_response(Session& session, HttpResponse response,
                                                       unsigned version, bool keep_alive) {
    auto& stream = session.stream;
    stream.expires_after(options.write_timeout);
    const bool has_body = !has_no_body_status(response.status);
    if (response.stream_body) {
        http::response<http::empty_body> head;
        set_head(head, response, version, false);
        auto body = std::move(response.stream_body);
        http::response_serializer<http::empty_body> serializer(head);
        auto [error, written] = co_await http::async_write_header(stream, serializer, k_use_tuple);
        if (!error && has_body) {
            session.streaming = body;
            // A shutdown that began before the stream was registered would not have ended it.
            if (stopping)
                body->finish();
            co_await send_stream(session, *body);
            session.streaming.reset();
        }
        body->close();
        co_return false; // the connection closes after a stream
    }
    if (has_body && response.file_body) {
        // The header through Beast, then the file straight from the page cache to the socket.
        http::response<http::empty_body> head;
        set_head(head, response, version, keep_alive);
        http::response_serializer<http::empty_body> serializer(head);
        set_cork(stream.socket(), true);
        auto [error, written] = co_await http::async_write_header(stream, serializer, k_use_tuple);
        const bool sent = !error && co_await send_file(session, *response.file_body);
        set_cork(stream.socket(), false);
        co_return sent;
    }
    if (has_body && response.shared_body) {
        // Header and the shared bytes in one gathered write, without copying them.
        http::response<http::span_body<const char>> message;
        set_head(message, response, version, keep_alive);
        message.body() = {response.shared_body->data(), response.shared_body->size()};
        auto [error, written] = co_await http::async_write(stream, message, k_use_tuple);
        co_return !error;
    }
    auto message = to_message(std::move(response), version, keep_alive);
    auto [error, written] = co_await http::async_write(stream, message, k_use_tuple);
    co_return !error;
}

asio::awaitable<bool> HttpServer::Impl::send_file(Session& session, const OpenFile& file) {
    auto& socket = session.stream.socket();
    beast::error_code ec;
    socket.native_non_blocking(true, ec);
    if (ec)
        co_return false;
    asio::steady_timer deadline(socket.get_executor());
    off_t offset = 0;
    const auto size = static_cast<off_t>(file.size());
    while (offset < size) {
        const auto count = static_cast<std::size_t>(std::min(size - offset, k_sendfile_chunk));
        const ssize_t sent = ::sendfile(socket.native_handle(), file.descriptor(), &offset, count);
        if (sent > 0) {
            if (offset < size)
                co_await asio::post(socket.get_executor(), asio::use_awaitable);
            continue;
        }
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            // The client reads slowly: wait until it has room, for at most the write timeout.
            deadline.expires_after(options.write_timeout);
            auto ready = co_await (socket.async_wait(tcp::socket::wait_write, k_use_tuple) ||
                                   deadline.async_wait(k_use_tuple));
            if (ready.index() != 0 || std::get<0>(std::get<0>(ready)))
                co_return false;
            continue;
        }
        // The connection broke, or the file shrank while it was being sent: the response cannot be
        // completed, so the connection is closed.
        co_return false;
    }
    co_return true;
}

asio::awaitable<void> HttpServer::Impl::send_stream(Session& session, ResponseStream& body) {
    auto& stream = session.stream;
    const auto executor = stream.get_executor();
    // Shared with the wake-up, which another thread may call after this coroutine has ended.
    auto timer = std::make_shared<asio::steady_timer>(executor);
    const auto interval = body.options().heartbeat_interval;
    auto heartbeat_due = std::chrono::steady_clock::now() + interval;
    auto send = [&](const std::string& bytes) -> asio::awaitable<bool> {
        stream.expires_after(options.write_timeout);
        auto [error, written] = co_await asio::async_write(stream, asio::buffer(bytes), k_use_tuple);
        heartbeat_due = std::chrono::steady_clock::now() + interval;
        co_return !error;
    };
    for (;;) {
        auto pending = body.take();
        if (!pending.bytes.empty() && !co_await send(pending.bytes))
            co_return;
        if (pending.finished)
            co_return;
        if (!pending.bytes.empty())
            continue; // more may have been written meanwhile
        // The wake-up is posted to the connection's strand, so it runs once the wait below began.
        if (!body.wait([timer, executor] { asio::post(executor, [timer] { timer->cancel(); }); }))
            continue;
        timer->expires_at(heartbeat_due);
        stream.expires_never();
        // A client that closes its side makes the socket readable; nothing else is expected from it.
        auto woken = co_await (timer->async_wait(k_use_tuple) ||
                               stream.socket().async_wait(tcp::socket::wait_read, k_use_tuple));
        if (woken.index() == 1)
            co_return;
        const auto [timer_error] = std::get<0>(woken);
        if (!timer_error && !co_await send(body.options().heartbeat))
            co_return;
    }
}

void HttpServer::Impl::request_stop() {
    if (stopping.exchange(true))
        return;
    asio::co_spawn(control, shut_down(), [](std::exception_ptr error) { log_exception(error, "shutdown"); });
}

asio::awaitable<void> HttpServer::Impl::shut_down() {
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);

    // Close connections that wait for a request; the others close after their response.
    std::vector<std::shared_ptr<Session>> live;
    {
        std::lock_guard lock(sessions_mutex);
        for (auto& [id, weak] : sessions) {
            if (auto session = weak.lock())
                live.push_back(std::move(session));
        }
    }
    for (auto& session : live) {
        asio::post(session->stream.get_executor(), [session] {
            if (session->reading)
                session->stream.cancel();
            if (session->streaming)
                session->streaming->finish();
        });
    }
    live.clear();

    const auto deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
    asio::steady_timer poll(control);
    while (session_count() > 0 && std::chrono::steady_clock::now() < deadline) {
        poll.expires_after(k_shutdown_poll);
        co_await poll.async_wait(k_use_tuple);
    }
    // Responses still running after the grace period are cut short.
    if (session_count() > 0)
        io.stop();
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

HttpServer::~HttpServer() = default;

Result<std::unique_ptr<HttpServer>> HttpServer::listen(ServerOptions options, RequestHandler handler) {
    // sendfile(2) to a connection the client has closed raises SIGPIPE, which would end the process
    // (Asio's own sends pass MSG_NOSIGNAL; sendfile has no such flag): the error is handled instead.
    std::signal(SIGPIPE, SIG_IGN);
    auto impl = std::make_unique<Impl>(std::move(options), std::move(handler));
    const std::string& host = impl->options.host;
    const std::string where = host + ":" + std::to_string(impl->options.port);

    beast::error_code ec;
    tcp::endpoint endpoint;
    const auto address = asio::ip::make_address(host, ec);
    if (!ec) {
        endpoint = tcp::endpoint(address, impl->options.port);
    } else {
        tcp::resolver resolver(impl->io);
        const auto results = resolver.resolve(host, std::to_string(impl->options.port), ec);
        if (ec || results.empty())
            return make_error("server.listen.bad_host",
                              "cannot resolve host '" + host + "': " + (ec ? ec.message() : "no address"),
                              "--host");
        endpoint = results.begin()->endpoint();
    }

    auto& acceptor = impl->acceptor;
    acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        acceptor.bind(endpoint, ec);
    if (!ec)
        acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (!ec)
        impl->local_endpoint = acceptor.local_endpoint(ec);
    if (ec)
        return make_error("server.listen.failed", "cannot listen on " + where + ": " + ec.message(),
                          "--port");

    if (impl->options.signals == SignalHandling::StopOnSigintSigterm) {
        impl->signals.add(SIGINT, ec);
        if (!ec)
            impl->signals.add(SIGTERM, ec);
        if (ec)
            return make_error("server.listen.failed", "cannot handle signals: " + ec.message());
        Impl* raw = impl.get();
        impl->signals.async_wait([raw](const beast::error_code& error, int) {
            if (!error)
                raw->request_stop();
        });
    }
    Impl* raw = impl.get();
    asio::co_spawn(raw->control, raw->accept_loop(),
                   [](std::exception_ptr error) { log_exception(error, "accept"); });
    return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

std::string HttpServer::host() const {
    return m_impl->local_endpoint.address().to_string();
}

std::uint16_t HttpServer::port() const {
    return m_impl->local_endpoint.port();
}

std::string HttpServer::url() const {
    return "http://" + endpoint_host(m_impl->local_endpoint) + ":" + std::to_string(port());
}

void HttpServer::run() {
    unsigned thread_count = m_impl->options.threads;
    if (thread_count == 0)
        thread_count = std::max(1u, std::thread::hardware_concurrency());
    std::vector<std::thread> workers;
    workers.reserve(thread_count - 1);
    for (unsigned i = 1; i < thread_count; ++i)
        workers.emplace_back([this] { m_impl->io.run(); });
    m_impl->io.run();
    for (auto& worker : workers)
        worker.join();
}

void HttpServer::stop() {
    m_impl->request_stop();
}

} // namespace support::server
