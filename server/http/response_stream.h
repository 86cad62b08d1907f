#pragma once
// A response body written over time: Server-Sent Events. The handler answers at once with the
// stream in its response; whoever has something to say (a chat's fan-out, from any thread) writes
// to it, and the connection sends what was written as it comes, without a Content-Length, until
// either side ends it. Handlers never see Asio or Beast.
//
//   auto stream = std::make_shared<ResponseStream>(ResponseStreamOptions{});
//   stream->on_close([subscription] { subscription->cancel(); });  // the shopper left
//   stream->write("id: 5\ndata: {…}\n\n");                          // any thread, any time
//   HttpResponse response;  response.stream_body = stream;  return response;
//
// The connection, for its part, sends a heartbeat (an SSE comment) when nothing was written for a
// while, so proxies keep the connection and a dead peer is found; it ends the stream when the
// client closes its side or stops reading, when the server shuts down, and when more than
// max_buffered bytes wait unsent (a client that fell behind reconnects with Last-Event-ID rather
// than growing the server's memory). The close callback runs once, whoever ended the stream.

#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>

namespace support::server {

struct ResponseStreamOptions {
    std::chrono::milliseconds heartbeat_interval{15'000};
    std::string heartbeat = ":\n\n"; // an SSE comment: EventSource ignores it
    std::size_t max_buffered = 256 * 1024;
};

class ResponseStream {
  public:
    explicit ResponseStream(ResponseStreamOptions options = {});
    ResponseStream(const ResponseStream&) = delete;
    ResponseStream& operator=(const ResponseStream&) = delete;

    // Queues bytes to send; false (and nothing queued) once the stream has ended. Past max_buffered
    // unsent bytes the stream ends instead.
    bool write(std::string_view bytes);
    // Ends the stream after what was written so far has been sent.
    void finish();
    bool is_open() const;
    // Runs once when the stream ends, on the thread that ended it; at once if it has ended already.
    void on_close(std::function<void()> closed);

    const ResponseStreamOptions& options() const { return m_options; }

    // The connection's side.
    struct Pending {
        std::string bytes;
        bool finished = false; // nothing more will come once `bytes` are sent
    };
    // Takes what waits to be sent.
    Pending take();
    // Asks for `wake` to be called once when there is something to take; false (and no call) when
    // there is already, so the connection takes it instead of waiting.
    bool wait(std::function<void()> wake);
    // The connection is gone or done: nothing more is accepted, and the close callback runs.
    void close();

  private:
    // Ends the stream; the caller holds the lock and runs what this returns after releasing it.
    std::function<void()> end_locked();

    ResponseStreamOptions m_options;
    mutable std::mutex m_mutex;
    std::string m_buffer;
    bool m_finished = false; // no more writes; the connection ends after sending the buffer
    bool m_closed = false;   // the close callback has been run (or is due)
    std::function<void()> m_on_close;
    std::function<void()> m_wake;
};

} // namespace support::server
