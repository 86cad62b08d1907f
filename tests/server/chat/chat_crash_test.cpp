// Durability: support-server killed with SIGKILL while shoppers are writing loses no message it
// acknowledged. After a restart on the same database each conversation's stream, read from the
// start with the shopper's token, holds every acknowledged message once, numbered without gaps.

#include "catch_amalgamated.hpp"

#include "child_process.h"
#include "event_stream_client.h"
#include "shared/core/protocol/api_paths.h"
#include "support_server_process.h"
#include "temp_dir.h"
#include "wire_client.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <csignal>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

using namespace support;
using namespace support::server;
using namespace support::server::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

const std::string k_binary = SW_SUPPORT_SERVER_PATH;

std::vector<std::string> serve_command(const TempDir& dir, const std::string& db) {
    return {k_binary, "serve",
            "--port", "0",
            "--root", (dir.path() / "site").string(),
            "--site", "demo=" + (dir.path() / "help").string(),
            "--db",   db};
}

struct Shopper {
    std::string id;
    std::string token;
};

} // namespace

TEST_CASE("crash: every chat message acknowledged before a SIGKILL is in the conversation after a restart",
          "[chat][crash]") {
    TempDir dir;
    dir.write("site/index.html", "shop");
    dir.write("help/en/.keep", "");
    const std::string db = (dir.path() / "var" / "support.db").string();
    ChildProcess server(serve_command(dir, db));
    REQUIRE(server.started());
    const auto port = read_listening_port(server);

    constexpr int k_shoppers = 4;
    constexpr int k_messages = 25; // within one conversation's burst allowance
    std::vector<Shopper> shoppers;
    for (int s = 0; s < k_shoppers; ++s) {
        const auto opened =
            exchange_one(port, json_post(protocol::conversations_target("demo"), R"({"locale":"en"})"));
        REQUIRE(opened.status == 201);
        const auto body = json::parse(opened.body);
        shoppers.push_back({body.at("id").get<std::string>(), body.at("token").get<std::string>()});
    }

    std::mutex mutex;
    std::vector<std::set<std::string>> acknowledged(k_shoppers);
    std::atomic<int> acknowledged_count{0};
    std::vector<std::thread> writers;
    for (int s = 0; s < k_shoppers; ++s) {
        writers.emplace_back([&, s] {
            for (int n = 0; n < k_messages; ++n) {
                const std::string client_id = "m-" + std::to_string(n);
                const json body = {{"client_id", client_id},
                                   {"text", "message " + std::to_string(n)},
                                   {"written_ms", 1'764'900'000'000 + n}};
                const auto answer =
                    exchange_one(port,
                                 json_post(protocol::conversation_target("demo", shoppers[s].id, "messages"),
                                           body.dump(), shoppers[s].token),
                                 5s);
                if (!answer.received)
                    return; // the server is gone
                if (answer.status == 201 || answer.status == 200) {
                    std::lock_guard lock(mutex);
                    acknowledged[s].insert(client_id);
                    ++acknowledged_count;
                }
            }
        });
    }
    while (acknowledged_count < k_shoppers * k_messages / 4)
        std::this_thread::sleep_for(1ms);
    server.send_signal(SIGKILL);
    for (auto& writer : writers)
        writer.join();
    REQUIRE(server.wait_for_exit(10s).has_value());
    INFO("acknowledged before the kill: " << acknowledged_count.load());
    CHECK(acknowledged_count < k_shoppers * k_messages); // killed mid-burst, not after it

    ChildProcess restarted(serve_command(dir, db));
    REQUIRE(restarted.started());
    const auto new_port = read_listening_port(restarted);
    for (int s = 0; s < k_shoppers; ++s) {
        EventStreamClient stream(new_port, protocol::conversation_target("demo", shoppers[s].id, "events"),
                                 {{"Authorization", "Bearer " + shoppers[s].token}});
        REQUIRE(stream.status() == 200);
        std::set<std::string> stored;
        std::uint64_t expected_seq = 1;
        while (auto event = stream.next_event(500ms)) {
            CHECK(event->id == std::to_string(expected_seq++));
            const auto data = json::parse(event->data);
            if (data["kind"] != "message")
                continue; // the bot handed the first question to a person: the site has no articles
            CHECK(stored.insert(data["message"]["client_id"].get<std::string>()).second); // once each
        }
        for (const auto& client_id : acknowledged[s])
            CHECK(stored.count(client_id) == 1);
    }
    restarted.send_signal(SIGTERM);
    CHECK(restarted.wait_for_exit(10s).has_value());
}
