#include "wire_client.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>

namespace support::server::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

constexpr auto k_use_tuple = asio::as_tuple(asio::use_awaitable);

tcp::endpoint loopback(std::uint16_t port) {
    return {asio::ip::make_address("127.0.0.1"), port};
}

asio::awaitable<void> run_exchange(std::uint16_t port, const std::vector<WireRequest>& requests,
                                   std::chrono::milliseconds timeout, std::vector<WireResponse>& responses) {
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    stream.expires_after(timeout);
    auto [connect_error] = co_await stream.async_connect(loopback(port), k_use_tuple);
    if (connect_error)
        co_return;
    beast::flat_buffer buffer;
    for (const WireRequest& request : requests) {
        stream.expires_after(timeout);
        auto [write_error, written] =
            co_await asio::async_write(stream, asio::buffer(request.raw), k_use_tuple);
        if (write_error)
            co_return;
        http::response_parser<http::string_body> parser;
        parser.body_limit(64 * 1024 * 1024);
        parser.skip(request.is_head);
        auto [read_error, read] = co_await http::async_read(stream, buffer, parser, k_use_tuple);
        if (read_error)
            co_return;
        const auto& message = parser.get();
        WireResponse response;
        response.received = true;
        response.status = message.result_int();
        for (const auto& field : message)
            response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        response.body = message.body();
        responses.push_back(std::move(response));
    }
}

asio::awaitable<void> run_wait_for_close(std::uint16_t port, std::string_view raw,
                                         std::chrono::milliseconds timeout, bool& closed,
                                         std::string& received) {
    beast::tcp_stream stream(co_await asio::this_coro::executor);
    stream.expires_after(timeout);
    auto [connect_error] = co_await stream.async_connect(loopback(port), k_use_tuple);
    if (connect_error)
        co_return;
    if (!raw.empty()) {
        auto [write_error, written] = co_await asio::async_write(stream, asio::buffer(raw), k_use_tuple);
        if (write_error && write_error != asio::error::connection_reset &&
            write_error != asio::error::broken_pipe)
            co_return;
    }
    char chunk[4096];
    for (;;) {
        auto [read_error, read] = co_await stream.async_read_some(asio::buffer(chunk), k_use_tuple);
        received.append(chunk, read);
        if (read_error == beast::error::timeout)
            co_return;
        if (read_error) { // end of file or reset: the server closed the connection
            closed = true;
            co_return;
        }
    }
}

} // namespace

std::string_view WireResponse::header(std::string_view name) const {
    for (const auto& [key, value] : headers) {
        if (header_name_equals(key, name))
            return value;
    }
    return {};
}

bool WireResponse::has_header(std::string_view name) const {
    for (const auto& field : headers) {
        if (header_name_equals(field.first, name))
            return true;
    }
    return false;
}

WireRequest make_request(std::string_view method, std::string_view target, const HeaderList& headers) {
    std::string raw = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [name, value] : headers)
        raw += name + ": " + value + "\r\n";
    raw += "\r\n";
    return WireRequest{std::move(raw), method == "HEAD"};
}

std::vector<WireResponse> exchange(std::uint16_t port, const std::vector<WireRequest>& requests,
                                   std::chrono::milliseconds timeout) {
    std::vector<WireResponse> responses;
    asio::io_context io;
    asio::co_spawn(io, run_exchange(port, requests, timeout, responses), asio::detached);
    io.run();
    return responses;
}

WireResponse exchange_one(std::uint16_t port, const WireRequest& request, std::chrono::milliseconds timeout) {
    auto responses = exchange(port, {request}, timeout);
    return responses.empty() ? WireResponse{} : std::move(responses.front());
}

WireResponse http_get(std::uint16_t port, std::string_view target, const HeaderList& headers) {
    return exchange_one(port, make_request("GET", target, headers));
}

bool server_closes_connection(std::uint16_t port, std::string_view raw, std::chrono::milliseconds timeout,
                              std::string* received) {
    bool closed = false;
    std::string bytes;
    asio::io_context io;
    asio::co_spawn(io, run_wait_for_close(port, raw, timeout, closed, bytes), asio::detached);
    io.run();
    if (received)
        *received += bytes;
    return closed;
}

} // namespace support::server::test
