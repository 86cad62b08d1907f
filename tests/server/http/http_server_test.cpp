// End to end: the real HttpServer on 127.0.0.1, an ephemeral port, real sockets.

#include "catch_amalgamated.hpp"

#include "running_server.h"
#include "server/http/http_server.h"
#include "server/routes.h"
#include "server/static/static_files.h"
#include "temp_dir.h"
#include "wire_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace support::server;
using namespace support::server::test;
using namespace std::chrono_literals;

namespace {

const std::string k_secret = "TOP-SECRET-over-the-wire-91c2";
const std::string k_widget_js = "window.SupportWidget = {};\n";
const std::string k_widget_js_gz = std::string("\x1f\x8b\x08\x00gzipped-loader", 18);

struct SiteOnTheWire {
    TempDir dir;
    std::unique_ptr<RunningServer> running;

    explicit SiteOnTheWire(ServerOptions options = {}) {
        namespace fs = std::filesystem;
        dir.write("secret.txt", k_secret);
        dir.write("demo_site/index.html", "<h1>Demo shop</h1>");
        dir.write("dist/support-widget.js", k_widget_js);
        dir.write("dist/support-widget.js.gz", k_widget_js_gz);
        dir.write("dist/support-widget-core.3fa9c2d1e0.wasm", std::string("\0asm\x01\0\0\0", 8));
        fs::create_directory_symlink(dir.path(), dir.path() / "demo_site/link-out");
        auto files = StaticFiles::open({{"/", dir.path() / "demo_site"}, {"/", dir.path() / "dist"}});
        REQUIRE(files.has_value());
        auto router = make_routes(std::make_shared<const StaticFiles>(std::move(*files)));
        running = std::make_unique<RunningServer>(
            [router = std::move(router)](const HttpRequest& request) { return router.handle(request); },
            options);
    }

    std::uint16_t port() const { return running->port(); }
};

} // namespace

TEST_CASE("server: listens on 127.0.0.1 with a free port when asked for port 0", "[http_server]") {
    SiteOnTheWire site;
    CHECK(site.port() != 0);
    CHECK(site.running->server().host() == "127.0.0.1");
    CHECK(site.running->server().url() == "http://127.0.0.1:" + std::to_string(site.port()));
}

TEST_CASE("server: /healthz, index and wasm over the wire", "[http_server]") {
    SiteOnTheWire site;
    const auto health = http_get(site.port(), "/healthz");
    REQUIRE(health.received);
    CHECK(health.status == 200);
    CHECK(health.header("Content-Type") == "application/json");
    CHECK(health.body == R"({"status":"ok"})");
    CHECK(health.header("X-Content-Type-Options") == "nosniff");

    const auto index = http_get(site.port(), "/");
    CHECK(index.status == 200);
    CHECK(index.body == "<h1>Demo shop</h1>");
    CHECK(index.header("Content-Type") == "text/html; charset=utf-8");
    CHECK(index.header("Cache-Control") == "no-cache");

    const auto wasm = http_get(site.port(), "/support-widget-core.3fa9c2d1e0.wasm");
    CHECK(wasm.status == 200);
    CHECK(wasm.header("Content-Type") == "application/wasm");
    CHECK(wasm.header("Cache-Control") == "public, max-age=31536000, immutable");
    CHECK(wasm.body == std::string("\0asm\x01\0\0\0", 8));
}

TEST_CASE("server: If-None-Match gets a 304 with no body over the wire", "[http_server]") {
    SiteOnTheWire site;
    const auto first = http_get(site.port(), "/support-widget.js");
    REQUIRE(first.status == 200);
    const std::string etag(first.header("ETag"));
    REQUIRE_FALSE(etag.empty());
    // Two requests on one keep-alive connection: the 304 must not leave stray bytes behind.
    const auto responses =
        exchange(site.port(), {make_request("GET", "/support-widget.js", {{"If-None-Match", etag}}),
                               make_request("GET", "/healthz")});
    REQUIRE(responses.size() == 2);
    CHECK(responses[0].status == 304);
    CHECK(responses[0].body.empty());
    CHECK(responses[0].header("ETag") == etag);
    CHECK(responses[1].status == 200);
    CHECK(responses[1].body == R"({"status":"ok"})");
}

TEST_CASE("server: gzip variant over the wire only when accepted", "[http_server]") {
    SiteOnTheWire site;
    const auto gzipped = http_get(site.port(), "/support-widget.js", {{"Accept-Encoding", "gzip, deflate"}});
    CHECK(gzipped.header("Content-Encoding") == "gzip");
    CHECK(gzipped.header("Vary") == "Accept-Encoding");
    CHECK(gzipped.body == k_widget_js_gz);

    const auto plain = http_get(site.port(), "/support-widget.js", {{"Accept-Encoding", "gzip;q=0"}});
    CHECK_FALSE(plain.has_header("Content-Encoding"));
    CHECK(plain.body == k_widget_js);
}

TEST_CASE("server: HEAD answers the length without a body", "[http_server]") {
    SiteOnTheWire site;
    // HEAD then GET on one connection: if HEAD had sent a body, the GET would be misread.
    const auto responses =
        exchange(site.port(), {make_request("HEAD", "/support-widget.js"), make_request("GET", "/healthz")});
    REQUIRE(responses.size() == 2);
    CHECK(responses[0].status == 200);
    CHECK(responses[0].header("Content-Length") == std::to_string(k_widget_js.size()));
    CHECK(responses[0].body.empty());
    CHECK(responses[1].body == R"({"status":"ok"})");
}

TEST_CASE("server: traversal over the wire never returns the secret", "[http_server]") {
    SiteOnTheWire site;
    for (const char* target :
         {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2e/secret.txt", "/..%2fsecret.txt",
          "/a/%2e%2e%2f..%2fsecret.txt", "/..\\secret.txt", "/%5c..%5csecret.txt", "/%00",
          "/index.html%00.txt", "//etc/passwd", "http://x/../secret.txt", "/link-out/secret.txt"}) {
        INFO("target " << target);
        const auto response = exchange_one(site.port(), make_request("GET", target));
        // The server answers 400/404, or refuses to parse the request and closes the connection.
        if (response.received)
            CHECK((response.status == 400 || response.status == 404));
        CHECK(response.body.find(k_secret) == std::string::npos);
    }
    // A raw NUL byte in the request line: whatever happens, no secret.
    std::string received;
    server_closes_connection(site.port(), std::string("GET /\0../secret.txt HTTP/1.1\r\nHost: x\r\n\r\n", 40),
                             2s, &received);
    CHECK(received.find(k_secret) == std::string::npos);
}

TEST_CASE("server: malformed HTTP closes the connection and the server keeps serving", "[http_server]") {
    SiteOnTheWire site;
    std::string answer;
    CHECK(server_closes_connection(site.port(), "NOT HTTP AT ALL\r\n\r\n", 2s, &answer));
    CHECK(answer.find("400") != std::string::npos);
    CHECK(server_closes_connection(site.port(), "GET / HTTP/1.1\r\nBad Header Line\r\n\r\n", 2s));
    CHECK(server_closes_connection(site.port(), std::string("\x16\x03\x01\x02\x00\x01\x00", 7), 2s));
    CHECK(http_get(site.port(), "/healthz").status == 200);
}

TEST_CASE("server: oversized headers get 431 and oversized bodies 413", "[http_server]") {
    SiteOnTheWire site;
    const auto big_header =
        exchange_one(site.port(), make_request("GET", "/", {{"X-Big", std::string(20000, 'a')}}));
    REQUIRE(big_header.received);
    CHECK(big_header.status == 431);
    CHECK(big_header.body.find("server.http.header_too_large") != std::string::npos);

    WireRequest big_body{"POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 70000\r\n\r\n" +
                         std::string(70000, 'b')};
    const auto body_response = exchange_one(site.port(), big_body);
    REQUIRE(body_response.received);
    CHECK(body_response.status == 413);
    CHECK(http_get(site.port(), "/healthz").status == 200);
}

TEST_CASE("server: an idle connection is closed after the read timeout", "[http_server]") {
    ServerOptions options;
    options.read_timeout = 300ms;
    SiteOnTheWire site(options);
    const auto started = std::chrono::steady_clock::now();
    CHECK(server_closes_connection(site.port(), "", 3s));
    CHECK(std::chrono::steady_clock::now() - started < 2s);
    // Half a request counts as idle too.
    CHECK(server_closes_connection(site.port(), "GET / HTTP/1.1\r\nHost:", 3s));
}

TEST_CASE("server: stop() closes idle keep-alive connections and returns promptly", "[http_server]") {
    SiteOnTheWire site;
    std::atomic<bool> closed{false};
    std::thread idle_client([&] { closed = server_closes_connection(site.port(), "", 10s); });
    std::this_thread::sleep_for(200ms); // let the connection be accepted
    const auto took = site.running->stop();
    idle_client.join();
    CHECK(closed);
    CHECK(took < 3s);
    CHECK(site.running->finished());
}

TEST_CASE("server: a response in flight finishes during shutdown", "[http_server]") {
    std::atomic<bool> handler_started{false};
    RunningServer running([&](const HttpRequest&) {
        handler_started = true;
        std::this_thread::sleep_for(400ms);
        HttpResponse response;
        response.set_header("Content-Type", "text/plain");
        response.body = "finished";
        return response;
    });
    WireResponse response;
    std::thread client([&] { response = http_get(running.port(), "/slow"); });
    while (!handler_started)
        std::this_thread::sleep_for(5ms);
    running.stop();
    client.join();
    CHECK(response.received);
    CHECK(response.status == 200);
    CHECK(response.body == "finished");
    CHECK(response.header("Connection") == "close");
}

TEST_CASE("server: listening on a port in use is an error with an id", "[http_server]") {
    SiteOnTheWire site;
    ServerOptions options;
    options.port = site.port();
    auto second = HttpServer::listen(options, [](const HttpRequest&) { return HttpResponse{}; });
    REQUIRE_FALSE(second.has_value());
    CHECK(second.error().code == "server.listen.failed");
}

namespace {

// A blocking client socket on 127.0.0.1 for tests that must hold a connection in a given state.
struct RawClient {
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket socket{io};

    explicit RawClient(std::uint16_t port, int receive_buffer = 0) {
        socket.open(boost::asio::ip::tcp::v4());
        if (receive_buffer > 0)
            socket.set_option(boost::asio::socket_base::receive_buffer_size(receive_buffer));
        socket.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    }
    void send(std::string_view bytes) { boost::asio::write(socket, boost::asio::buffer(bytes)); }
    // Some bytes of the answer: the server has accepted the connection and is serving it.
    std::string read_some() {
        std::array<char, 512> chunk{};
        const auto n = socket.read_some(boost::asio::buffer(chunk));
        return std::string(chunk.data(), n);
    }
};

} // namespace

TEST_CASE("server: a large file arrives whole and byte-exact", "[http_server]") {
    SiteOnTheWire site;
    std::string large(40u * 1024u * 1024u, '\0');
    for (std::size_t i = 0; i < large.size(); ++i)
        large[i] = static_cast<char>((i * 131u) ^ (i >> 13));
    site.dir.write("dist/large.bin", large);
    const auto response = http_get(site.port(), "/large.bin");
    REQUIRE(response.status == 200);
    CHECK(response.header("Content-Length") == std::to_string(large.size()));
    CHECK(response.body.size() == large.size());
    CHECK(response.body == large);
}

TEST_CASE("server: clients that stop reading large downloads do not stop others being answered",
          "[http_server]") {
    SiteOnTheWire site;
    site.dir.write("dist/large.bin", std::string(32u * 1024u * 1024u, 'x'));
    std::vector<std::unique_ptr<RawClient>> stalled;
    for (int i = 0; i < 4; ++i) {
        stalled.push_back(std::make_unique<RawClient>(site.port(), 4096));
        stalled.back()->send("GET /large.bin HTTP/1.1\r\nHost: x\r\n\r\n");
        CHECK(stalled.back()->read_some().starts_with("HTTP/1.1 200"));
    }
    // Both server threads have a stalled download; both must still answer.
    for (int i = 0; i < 8; ++i) {
        const auto health = http_get(site.port(), "/healthz");
        REQUIRE(health.received);
        CHECK(health.body == R"({"status":"ok"})");
    }
}

TEST_CASE("server: past max_connections a new connection gets 503 server.http.too_many_connections",
          "[http_server]") {
    ServerOptions options;
    options.max_connections = 2;
    SiteOnTheWire site(options);
    std::vector<std::unique_ptr<RawClient>> held;
    for (int i = 0; i < 2; ++i) {
        held.push_back(std::make_unique<RawClient>(site.port()));
        held.back()->send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
        CHECK(held.back()->read_some().starts_with("HTTP/1.1 200"));
    }
    const auto refused = http_get(site.port(), "/healthz");
    REQUIRE(refused.received);
    CHECK(refused.status == 503);
    CHECK(refused.header("Connection") == "close");
    CHECK(refused.body.find("server.http.too_many_connections") != std::string::npos);

    // Once the held connections close, new ones are served again.
    held.clear();
    bool served = false;
    for (int attempt = 0; attempt < 100 && !served; ++attempt) {
        served = http_get(site.port(), "/healthz").status == 200;
        if (!served)
            std::this_thread::sleep_for(20ms);
    }
    CHECK(served);
}

TEST_CASE("server: a handler may answer later from another thread; the connection waits for it, and keeps "
          "serving others meanwhile",
          "[http_server]") {
    std::mutex pending_mutex;
    std::vector<ResponsePromise> pending;
    RunningServer running([&](const HttpRequest& request) -> Reply {
        if (request.target == "/now")
            return HttpResponse{};
        ResponsePromise promise;
        Reply reply = promise.reply();
        std::lock_guard lock(pending_mutex);
        pending.push_back(std::move(promise));
        return reply;
    });
    std::thread late_keeper([&] {
        // Keeps the promise once the "/later" request waits and a "/now" request has been answered.
        std::this_thread::sleep_for(300ms);
        std::lock_guard lock(pending_mutex);
        for (auto& promise : pending) {
            HttpResponse response;
            response.body = "kept";
            promise.fulfil(std::move(response));
        }
    });
    WireResponse later;
    std::thread waiting([&] { later = http_get(running.port(), "/later"); });
    std::this_thread::sleep_for(50ms);
    const auto now = http_get(running.port(), "/now");
    CHECK(now.status == 200);
    waiting.join();
    late_keeper.join();
    REQUIRE(later.received);
    CHECK(later.status == 200);
    CHECK(later.body == "kept");
}

TEST_CASE("server: a request whose framing is ambiguous gets 400 and a closed connection, never a second "
          "request from its body",
          "[http_server]") {
    std::atomic<int> smuggled{0};
    RunningServer running([&](const HttpRequest& request) -> Reply {
        if (request.target == "/smuggled")
            ++smuggled;
        return HttpResponse{};
    });
    const std::string next = "GET /smuggled HTTP/1.1\r\nHost: x\r\n\r\n";
    struct Case {
        std::string raw;
        std::string code;
    };
    for (const Case& c : {
             Case{"POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n" + next,
                  "server.http.bad_transfer_encoding"},
             Case{"POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n" + next,
                  "server.http.bad_transfer_encoding"},
             Case{"POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: "
                  "5\r\n\r\n0\r\n\r\n" +
                      next,
                  "server.http.malformed_request"},
             Case{"POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd" + next,
                  "server.http.malformed_request"},
             Case{"GET /a HTTP/1.1\r\n\r\n" + next, "server.http.bad_host"},
             Case{"GET /a HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n" + next, "server.http.bad_host"},
             Case{"NOT HTTP AT ALL\r\n\r\n", "server.http.malformed_request"},
         }) {
        INFO(c.raw);
        std::string received;
        CHECK(server_closes_connection(running.port(), c.raw, 2s, &received));
        CHECK(received.rfind("HTTP/1.1 400 ", 0) == 0);
        CHECK(received.find(c.code) != std::string::npos);
        CHECK(received.find("HTTP/1.1 200") == std::string::npos);
    }
    CHECK(smuggled == 0);
    // HTTP/1.0 needs no Host; a chunked HTTP/1.1 body is read as the body.
    std::string received;
    server_closes_connection(running.port(), "GET /a HTTP/1.0\r\n\r\n", 2s, &received);
    CHECK(received.rfind("HTTP/1.0 200 ", 0) == 0);
}
