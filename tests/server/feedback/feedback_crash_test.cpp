// Durability: support-server killed with SIGKILL in the middle of a burst of writes keeps every
// feedback it acknowledged. The binary runs as a child process on a SQLite file in a temporary
// folder; after the kill the file is opened again and each acknowledged client id looked up.

#include "catch_amalgamated.hpp"

#include "child_process.h"
#include "server/storage/storage.h"
#include "shared/core/protocol/uuid.h"
#include "support_server_process.h"
#include "temp_dir.h"
#include "wire_client.h"

#include <atomic>
#include <csignal>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace support;
using namespace support::server;
using namespace support::server::test;
using namespace std::chrono_literals;

namespace {

const std::string k_binary = SW_SUPPORT_SERVER_PATH;

std::string client_id(int n) {
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t i = 0; i < 4; ++i)
        bytes[i] = static_cast<std::uint8_t>(n >> (i * 8));
    bytes[15] = 0x5a;
    return protocol::format_uuid_v4(bytes);
}

WireRequest feedback_post(int n) {
    const std::string body =
        R"({"client_id":")" + client_id(n) +
        R"(","kind":"page","locale":"en","client_time_ms":1764825059123,"topic":"delivery","helpful":)" +
        (n % 2 == 0 ? "true" : "false") + R"(,"comment":"burst )" + std::to_string(n) + R"("})";
    std::string raw = "POST /api/v1/sites/demo/feedback HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      "Content-Type: application/json\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\n\r\n" + body;
    return WireRequest{std::move(raw), false};
}

} // namespace

TEST_CASE("crash: every feedback acknowledged before a SIGKILL is in the database after it",
          "[feedback][crash]") {
    TempDir dir;
    dir.write("site/index.html", "shop");
    dir.write("help/en/.keep", "");
    const std::string db = (dir.path() / "var" / "support.db").string();
    ChildProcess server({k_binary, "serve", "--port", "0", "--root", (dir.path() / "site").string(), "--site",
                         "demo=" + (dir.path() / "help").string(), "--db", db, "--feedback-per-ip", "1000000",
                         "--feedback-per-site", "1000000"});
    REQUIRE(server.started());
    const auto port = read_listening_port(server);

    constexpr int k_total = 1000;
    constexpr int k_clients = 4;
    constexpr int k_per_request_batch = 10; // requests on one keep-alive connection
    std::mutex mutex;
    std::vector<int> acknowledged;
    std::atomic<int> acknowledged_count{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < k_clients; ++c) {
        clients.emplace_back([&, c] {
            for (int start = c * (k_total / k_clients); start < (c + 1) * (k_total / k_clients);
                 start += k_per_request_batch) {
                std::vector<WireRequest> batch;
                for (int n = start; n < start + k_per_request_batch; ++n)
                    batch.push_back(feedback_post(n));
                const auto responses = exchange(port, batch, 5s);
                std::lock_guard lock(mutex);
                for (std::size_t i = 0; i < responses.size(); ++i) {
                    if (responses[i].received && (responses[i].status == 201 || responses[i].status == 200)) {
                        acknowledged.push_back(start + static_cast<int>(i));
                        ++acknowledged_count;
                    }
                }
                if (responses.size() < batch.size())
                    return; // the server is gone
            }
        });
    }
    // Kill it mid-burst: after some writes were acknowledged, long before all of them.
    while (acknowledged_count < k_total / 4)
        std::this_thread::sleep_for(1ms);
    server.send_signal(SIGKILL);
    for (auto& client : clients)
        client.join();
    REQUIRE(server.wait_for_exit(10s).has_value());
    INFO("acknowledged before the kill: " << acknowledged.size());
    CHECK(acknowledged.size() < static_cast<std::size_t>(k_total));

    auto storage = open_storage(db);
    REQUIRE(storage.has_value());
    int missing = 0;
    for (int n : acknowledged) {
        const auto found = (*storage)->find_feedback_by_client_id("demo", client_id(n));
        REQUIRE(found.has_value());
        if (!found->has_value() || (*found)->submission.comment != "burst " + std::to_string(n))
            ++missing;
    }
    CHECK(missing == 0);
    CHECK((*storage)->count_feedback("demo").value() >= static_cast<std::int64_t>(acknowledged.size()));
}
