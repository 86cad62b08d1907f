#include "event_stream_client.h"

#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace support::server::test {

namespace {

int milliseconds_until(std::chrono::steady_clock::time_point deadline) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

} // namespace

EventStreamClient::EventStreamClient(std::uint16_t port, std::string_view target, const HeaderList& headers,
                                     std::chrono::milliseconds timeout) {
    m_socket = ::socket(AF_INET, SOCK_STREAM, 0);
    if (m_socket < 0)
        return;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(m_socket, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        disconnect();
        return;
    }
    std::string request = "GET " + std::string(target) +
                          " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                          "\r\nAccept: text/event-stream\r\n";
    for (const auto& [name, value] : headers)
        request += name + ": " + value + "\r\n";
    request += "\r\n";
    if (::send(m_socket, request.data(), request.size(), MSG_NOSIGNAL) !=
        static_cast<ssize_t>(request.size())) {
        disconnect();
        return;
    }
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (m_buffer.find("\r\n\r\n") == std::string::npos) {
        if (!read_more(deadline))
            return;
    }
    const auto head_end = m_buffer.find("\r\n\r\n");
    const std::string head = m_buffer.substr(0, head_end);
    m_buffer.erase(0, head_end + 4);
    std::size_t line_start = head.find("\r\n");
    const std::string status_line = head.substr(0, line_start);
    if (status_line.size() >= 12)
        m_status = static_cast<unsigned>(std::stoi(status_line.substr(9, 3)));
    while (line_start != std::string::npos) {
        const std::size_t next = head.find("\r\n", line_start + 2);
        const std::string line = head.substr(
            line_start + 2, next == std::string::npos ? std::string::npos : next - line_start - 2);
        const auto colon = line.find(':');
        if (colon != std::string::npos)
            m_headers.emplace_back(line.substr(0, colon), std::string(trim_optional_whitespace(
                                                              std::string_view(line).substr(colon + 1))));
        line_start = next;
    }
}

EventStreamClient::~EventStreamClient() {
    disconnect();
}

std::string EventStreamClient::header(std::string_view name) const {
    for (const auto& [field, value] : m_headers) {
        if (header_name_equals(field, name))
            return value;
    }
    return {};
}

std::string EventStreamClient::read_to_end(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (read_more(deadline)) {
    }
    return std::exchange(m_buffer, {});
}

bool EventStreamClient::read_more(std::chrono::steady_clock::time_point deadline) {
    if (m_socket < 0 || m_closed)
        return false;
    pollfd ready{m_socket, POLLIN, 0};
    const int polled = ::poll(&ready, 1, milliseconds_until(deadline));
    if (polled <= 0)
        return false;
    char chunk[4096];
    const ssize_t received = ::recv(m_socket, chunk, sizeof chunk, 0);
    if (received <= 0) {
        m_closed = true;
        return false;
    }
    m_buffer.append(chunk, static_cast<std::size_t>(received));
    return true;
}

std::optional<std::string> EventStreamClient::take_line() {
    const auto end = m_buffer.find('\n');
    if (end == std::string::npos)
        return std::nullopt;
    std::string line = m_buffer.substr(0, end);
    m_buffer.erase(0, end + 1);
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return line;
}

std::optional<StreamEvent> EventStreamClient::next_event(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    StreamEvent event;
    bool has_data = false; // as EventSource does, a block without data: (a retry:) dispatches nothing
    for (;;) {
        auto line = take_line();
        if (!line) {
            if (!read_more(deadline))
                return std::nullopt;
            continue;
        }
        if (line->empty()) {
            if (has_data)
                return event;
            event = StreamEvent{};
            continue;
        }
        if (line->front() == ':') {
            ++m_comments;
            continue;
        }
        const auto colon = line->find(':');
        const std::string field = line->substr(0, colon);
        std::string value = colon == std::string::npos ? "" : line->substr(colon + 1);
        if (!value.empty() && value.front() == ' ')
            value.erase(0, 1);
        if (field == "id")
            event.id = value;
        else if (field == "event")
            event.type = value;
        else if (field == "data") {
            event.data += (has_data ? "\n" : "") + value;
            has_data = true;
        }
    }
}

bool EventStreamClient::closed_by_server(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (read_more(deadline)) {
        // Counts heartbeats on the way, like next_event().
        while (auto line = take_line()) {
            if (!line->empty() && line->front() == ':')
                ++m_comments;
        }
    }
    return m_closed;
}

void EventStreamClient::disconnect() {
    if (m_socket >= 0)
        ::close(m_socket);
    m_socket = -1;
}

} // namespace support::server::test
