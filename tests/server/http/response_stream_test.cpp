// Streamed responses (Server-Sent Events): the ResponseStream on its own, then through the real
// HttpServer over loopback sockets.

#include "catch_amalgamated.hpp"

#include "event_stream_client.h"
#include "running_server.h"
#include "server/http/response_stream.h"

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

using namespace support::server;
using namespace support::server::test;
using namespace std::chrono_literals;

namespace {

// Answers every request with `stream` as an event stream.
RequestHandler serve_stream(std::shared_ptr<ResponseStream> stream) {
    return [stream](const HttpRequest&) -> Reply {
        HttpResponse response;
        response.set_header("Content-Type", "text/event-stream");
        response.set_header("Cache-Control", "no-store");
        response.stream_body = stream;
        return response;
    };
}

// Waits up to `timeout` for `condition`.
template <class Condition> bool eventually(Condition condition, std::chrono::milliseconds timeout = 5s) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition()) {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(5ms);
    }
    return true;
}

} // namespace

TEST_CASE("response stream: what is written is taken in order, once", "[response_stream]") {
    ResponseStream stream;
    CHECK(stream.write("a"));
    CHECK(stream.write("b"));
    auto pending = stream.take();
    CHECK(pending.bytes == "ab");
    CHECK_FALSE(pending.finished);
    CHECK(stream.take().bytes.empty());
}

TEST_CASE("response stream: a waiting connection is woken by a write, and not asked to wait when "
          "something is there",
          "[response_stream]") {
    ResponseStream stream;
    int woken = 0;
    REQUIRE(stream.wait([&] { ++woken; }));
    stream.write("x");
    CHECK(woken == 1);
    CHECK_FALSE(stream.wait([&] { ++woken; })); // "x" is waiting to be taken
    stream.take();
    REQUIRE(stream.wait([&] { ++woken; }));
    stream.finish();
    CHECK(woken == 2);
    CHECK(stream.take().finished);
}

TEST_CASE("response stream: ends once, whoever ends it, and refuses writes afterwards", "[response_stream]") {
    int closed = 0;
    SECTION("finished by the writer") {
        ResponseStream stream;
        stream.on_close([&] { ++closed; });
        stream.write("last");
        stream.finish();
        stream.close();
        CHECK(closed == 1);
        CHECK_FALSE(stream.write("more"));
        CHECK(stream.take().bytes == ""); // close() drops what the connection did not send
    }
    SECTION("closed by the connection") {
        ResponseStream stream;
        stream.on_close([&] { ++closed; });
        stream.close();
        stream.finish();
        CHECK(closed == 1);
        CHECK_FALSE(stream.is_open());
    }
    SECTION("a close callback registered late runs at once") {
        ResponseStream stream;
        stream.close();
        stream.on_close([&] { ++closed; });
        CHECK(closed == 1);
    }
}

TEST_CASE("response stream: a reader that falls behind past max_buffered is cut off, not buffered without "
          "end",
          "[response_stream]") {
    ResponseStreamOptions options;
    options.max_buffered = 10;
    ResponseStream stream(options);
    bool closed = false;
    stream.on_close([&] { closed = true; });
    CHECK(stream.write("12345"));
    CHECK(stream.write("67890"));
    CHECK_FALSE(stream.write("!"));
    CHECK(closed);
    auto pending = stream.take();
    CHECK(pending.bytes.empty()); // a partial event would be worse than none: the client resumes
    CHECK(pending.finished);
}

TEST_CASE("server: a stream's events reach the client as they are written, without a Content-Length",
          "[response_stream][http_server]") {
    auto stream = std::make_shared<ResponseStream>();
    RunningServer running(serve_stream(stream));
    EventStreamClient client(running.port(), "/events");
    REQUIRE(client.status() == 200);
    CHECK(client.header("Content-Type") == "text/event-stream");
    CHECK(client.header("Content-Length").empty());
    CHECK(client.header("Connection") == "close");

    stream->write("id: 1\ndata: first\n\n");
    auto first = client.next_event(2s);
    REQUIRE(first);
    CHECK(first->id == "1");
    CHECK(first->data == "first");
    // Written from another thread while the connection waits.
    std::thread([stream] { stream->write("id: 2\nevent: typing\ndata: second\n\n"); }).join();
    auto second = client.next_event(2s);
    REQUIRE(second);
    CHECK(second->type == "typing");
    CHECK(second->data == "second");

    stream->write("id: 3\ndata: last\n\n");
    stream->finish();
    auto last = client.next_event(2s);
    REQUIRE(last);
    CHECK(last->data == "last");
    CHECK(client.closed_by_server(2s));
}

TEST_CASE("server: a quiet stream gets heartbeats", "[response_stream][http_server]") {
    ResponseStreamOptions options;
    options.heartbeat_interval = 50ms;
    auto stream = std::make_shared<ResponseStream>(options);
    RunningServer running(serve_stream(stream));
    EventStreamClient client(running.port(), "/events");
    REQUIRE(client.status() == 200);
    CHECK_FALSE(client.next_event(400ms));
    CHECK(client.comments_seen() >= 2);
}

TEST_CASE("server: a client that goes away ends its stream, and the writer hears of it",
          "[response_stream][http_server]") {
    auto stream = std::make_shared<ResponseStream>();
    std::atomic<bool> closed{false};
    stream->on_close([&] { closed = true; });
    RunningServer running(serve_stream(stream));
    {
        EventStreamClient client(running.port(), "/events");
        REQUIRE(client.status() == 200);
    }
    CHECK(eventually([&] { return closed.load(); }));
    CHECK_FALSE(stream->write("data: nobody\n\n"));
}

TEST_CASE("server: stopping ends open streams at once instead of waiting out the grace period",
          "[response_stream][http_server]") {
    auto stream = std::make_shared<ResponseStream>();
    ServerOptions options;
    options.shutdown_grace = 5s;
    RunningServer running(serve_stream(stream), options);
    EventStreamClient client(running.port(), "/events");
    REQUIRE(client.status() == 200);
    CHECK(running.stop() < 2s);
    CHECK(client.closed_by_server(2s));
    CHECK_FALSE(stream->is_open());
}
