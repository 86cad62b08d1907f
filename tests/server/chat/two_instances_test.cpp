// Several support-server instances on one PostgreSQL store, as behind a load balancer: the
// shopper's stream may be held by one instance while the message arrives through another, and an
// instance may die with its streams. Each instance is the real binary in a child process.

#include "catch_amalgamated.hpp"

#include "event_stream_client.h"
#include "shared/core/protocol/api_paths.h"
#include "two_instances.h"
#include "wire_client.h"

#include <nlohmann/json.hpp>

#include <csignal>
#include <memory>
#include <string>
#include <vector>

using namespace support;
using namespace support::server;
using namespace support::server::test;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

struct Shopper {
    std::string id;
    std::string token;
};

Shopper open_conversation(std::uint16_t port) {
    const auto opened =
        exchange_one(port, json_post(protocol::conversations_target("demo"), R"({"locale":"he"})"));
    REQUIRE(opened.status == 201);
    const auto body = json::parse(opened.body);
    return {body.at("id").get<std::string>(), body.at("token").get<std::string>()};
}

int say(std::uint16_t port, const Shopper& shopper, const std::string& client_id, const std::string& text) {
    const json body = {{"client_id", client_id}, {"text", text}, {"written_ms", 1'764'900'000'000}};
    return exchange_one(port, json_post(protocol::conversation_target("demo", shopper.id, "messages"),
                                        body.dump(), shopper.token))
        .status;
}

std::unique_ptr<EventStreamClient> listen(std::uint16_t port, const Shopper& shopper,
                                          std::string last_event_id = {}) {
    HeaderList headers{{"Authorization", "Bearer " + shopper.token}};
    if (!last_event_id.empty())
        headers.push_back({"Last-Event-ID", last_event_id});
    return std::make_unique<EventStreamClient>(
        port, protocol::conversation_target("demo", shopper.id, "events"), headers);
}

// The next message event on `stream` (skipping the bot's handoff), or nothing within `timeout`.
std::optional<StreamEvent> next_message(EventStreamClient& stream, std::chrono::milliseconds timeout = 5s) {
    while (auto event = stream.next_event(timeout)) {
        if (json::parse(event->data).value("kind", "") == "message")
            return event;
    }
    return std::nullopt;
}

std::string client_id_of(const StreamEvent& event) {
    return json::parse(event.data)["message"]["client_id"].get<std::string>();
}

} // namespace

TEST_CASE("two instances: a message posted through one reaches the shopper's stream held by the other",
          "[chat][postgresql][instances]") {
    TwoInstances instances;
    ServerInstance& a = instances.a;
    ServerInstance& b = instances.b;

    const Shopper shopper = open_conversation(a.port);
    auto on_b = listen(b.port, shopper);
    REQUIRE(on_b->status() == 200);
    REQUIRE(say(a.port, shopper, "m-1", "איפה ההזמנה שלי?") == 201);
    const auto heard = next_message(*on_b);
    REQUIRE(heard.has_value());
    CHECK(client_id_of(*heard) == "m-1");
    CHECK(json::parse(heard->data)["message"]["text"] == "איפה ההזמנה שלי?");

    // And the other way round, on a stream held by the instance the message did not go through.
    auto on_a = listen(a.port, shopper, heard->id);
    REQUIRE(say(b.port, shopper, "m-2", "עדיין מחכה") == 201);
    const auto back = next_message(*on_a);
    REQUIRE(back.has_value());
    CHECK(client_id_of(*back) == "m-2");
}

TEST_CASE("two instances: when one is killed its shoppers resume on the other from Last-Event-ID and miss "
          "nothing",
          "[chat][postgresql][instances]") {
    TwoInstances instances;
    ServerInstance& a = instances.a;
    ServerInstance& b = instances.b;

    const Shopper shopper = open_conversation(a.port);
    auto stream = listen(a.port, shopper);
    REQUIRE(say(a.port, shopper, "m-1", "first") == 201);
    const auto first = next_message(*stream);
    REQUIRE(first.has_value());

    a.process.send_signal(SIGKILL);
    REQUIRE(a.process.wait_for_exit(10s).has_value());
    CHECK(stream->closed_by_server(5s));

    // Written while the shopper was between instances.
    REQUIRE(say(b.port, shopper, "m-2", "second") == 201);
    REQUIRE(say(b.port, shopper, "m-3", "third") == 201);
    auto resumed = listen(b.port, shopper, first->id);
    REQUIRE(resumed->status() == 200);
    std::vector<std::string> heard;
    std::uint64_t expected_seq = std::stoull(first->id) + 1;
    while (auto event = resumed->next_event(1s)) {
        CHECK(event->id == std::to_string(expected_seq++)); // no gap, nothing twice
        if (json::parse(event->data).value("kind", "") == "message")
            heard.push_back(client_id_of(*event));
    }
    CHECK(heard == std::vector<std::string>{"m-2", "m-3"});
}
