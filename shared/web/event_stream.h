#pragma once
// A Server-Sent Event stream from the browser's EventSource (cookies only to the page's own origin:
// the widget's token is in the URL, the console's session rides along),
// delivering each event and the connection's state through callbacks outside a frame (a few frames
// are drawn after each). The browser reconnects by itself after a dropped connection, sending
// Last-Event-ID; a stream it gives up on (the server refused it) is reported Closed, and the owner
// opens a new one when it wants to.
//
//   web::EventStream stream;
//   stream.open(url, {.on_event = [](const web::StreamEvent& e) { … }, .on_state = [](auto s) { … }});
//   stream.close();   // also on destruction

#include <cstdint>
#include <functional>
#include <string>

namespace support::web {

struct StreamEvent {
    std::string type; // "message" for events without a type; else the type ("typing", "conversation")
    std::string id;   // the last event id the stream has seen
    std::string data;
};

enum class StreamState : std::uint8_t { Connecting, Open, Closed };

struct StreamHandlers {
    std::function<void(const StreamEvent&)> on_event;
    std::function<void(StreamState)> on_state;
};

class EventStream {
  public:
    EventStream() = default;
    EventStream(const EventStream&) = delete;
    EventStream& operator=(const EventStream&) = delete;
    ~EventStream() { close(); }

    // Closes the stream open before, if any, and opens `url`.
    void open(const std::string& url, StreamHandlers handlers);
    void close();
    bool is_open() const { return m_id != 0; }

  private:
    std::uint32_t m_id = 0;
};

} // namespace support::web
