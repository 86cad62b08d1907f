#pragma once
// A Server-Sent Events client for end-to-end tests, as a browser's EventSource reads a stream: one
// GET over a plain loopback socket, the response head, then events one at a time as they arrive.
// Every wait is bounded by a timeout; the connection closes when the object goes away.
//
//   EventStreamClient client(port, "/api/v1/…/events", {{"Last-Event-ID", "4"}});
//   REQUIRE(client.status() == 200);
//   auto event = client.next_event(2s);   // {id "5", type "", data "{…}"} or nothing

#include "server/http/http_message.h"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace support::server::test {

struct StreamEvent {
    std::string id;   // the id: field, empty when the event had none
    std::string type; // the event: field, empty for the default "message"
    std::string data; // data: lines joined with "\n"
};

class EventStreamClient {
  public:
    // Connects and sends the GET; reads the response head within `timeout` (status() is 0 when none
    // came).
    EventStreamClient(std::uint16_t port, std::string_view target, const HeaderList& headers = {},
                      std::chrono::milliseconds timeout = std::chrono::seconds(5));
    ~EventStreamClient();
    EventStreamClient(const EventStreamClient&) = delete;
    EventStreamClient& operator=(const EventStreamClient&) = delete;

    unsigned status() const { return m_status; }
    std::string header(std::string_view name) const;
    // The body of a response that is not a stream (an error), read to the end of the connection.
    std::string read_to_end(std::chrono::milliseconds timeout = std::chrono::seconds(5));

    // The next event; nothing when none came within `timeout` or the server closed the stream.
    std::optional<StreamEvent> next_event(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // Comment lines (": …") seen so far: heartbeats.
    int comments_seen() const { return m_comments; }
    // Whether the server closed the connection within `timeout` (events still unread are dropped).
    bool closed_by_server(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // Closes the connection from the client's side.
    void disconnect();

  private:
    // Appends what arrives within the time left to m_buffer; false when nothing came (closed or
    // timed out).
    bool read_more(std::chrono::steady_clock::time_point deadline);
    // One line off m_buffer, without its line ending.
    std::optional<std::string> take_line();

    int m_socket = -1;
    bool m_closed = false;
    unsigned m_status = 0;
    HeaderList m_headers;
    std::string m_buffer;
    int m_comments = 0;
};

} // namespace support::server::test
