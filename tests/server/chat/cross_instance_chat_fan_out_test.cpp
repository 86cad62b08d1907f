// The fan-out of several instances on a real PostgreSQL channel (how a notice is written:
// instance_notice_wire_test.cpp): a notice published by one fan-out reaches the listeners of
// another on the same database, as a seq to catch up from, and never its own listeners twice.

#include "catch_amalgamated.hpp"

#include "postgres_test_database.h"
#include "server/chat/cross_instance_chat_fan_out.h"
#include "server/chat/in_process_chat_fan_out.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace support;
using namespace support::server;
using namespace support::server::test;
using namespace std::chrono_literals;

namespace {

chat::ChatEvent message_event(std::uint64_t seq) {
    chat::ChatEvent event;
    event.kind = chat::ChatEvent::Kind::Message;
    event.seq = seq;
    event.message.client_id = "m-" + std::to_string(seq);
    event.message.text = "שלום";
    return event;
}

// Collects what a listener hears, and waits for it.
struct Heard {
    std::mutex mutex;
    std::condition_variable changed;
    std::vector<ChatNotice> notices;

    ChatFanOut::Listener listener() {
        return [this](const ChatNotice& notice) {
            std::lock_guard lock(mutex);
            notices.push_back(notice);
            changed.notify_all();
        };
    }
    bool wait_for(std::size_t count, std::chrono::milliseconds timeout = 5s) {
        std::unique_lock lock(mutex);
        return changed.wait_for(lock, timeout, [&] { return notices.size() >= count; });
    }
};

} // namespace

TEST_CASE("cross-instance fan-out: a notice published on one instance reaches the other's listeners once",
          "[chat][fan_out][postgresql]") {
    PostgresTestDatabase database;
    auto a = CrossInstanceChatFanOut::open(database.url());
    auto b = CrossInstanceChatFanOut::open(database.url());
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    Heard on_a;
    Heard on_b;
    Heard inbox_b;
    auto subscribed_a = (*a)->subscribe("c-1", on_a.listener());
    auto subscribed_b = (*b)->subscribe("c-1", on_b.listener());
    auto inbox = (*b)->subscribe_all(inbox_b.listener());

    (*a)->publish(ChatNotice::stored("demo", "c-1", message_event(1)));
    REQUIRE(on_b.wait_for(1));
    REQUIRE(inbox_b.wait_for(1));
    CHECK(on_b.notices[0].seq == 1);
    CHECK(inbox_b.notices[0].event_kind == chat::ChatEvent::Kind::Message);
    std::this_thread::sleep_for(300ms); // time for an echo that must not come
    CHECK(on_a.notices.size() == 1);    // its own, delivered at once with the event
    CHECK(on_a.notices[0].event.has_value());
    CHECK(on_b.notices.size() == 1);
}

TEST_CASE("cross-instance fan-out: a SQLite store has one instance and gets the in-process fan-out",
          "[chat][fan_out]") {
    auto fan_out = CrossInstanceChatFanOut::open("var/support.db");
    REQUIRE(fan_out.has_value());
    CHECK(dynamic_cast<InProcessChatFanOut*>(fan_out->get()) != nullptr);
}

TEST_CASE("cross-instance fan-out: after the database cut every connection, the other instance's streams "
          "still hear of new events",
          "[chat][fan_out][postgresql]") {
    PostgresTestDatabase database;
    auto a = CrossInstanceChatFanOut::open(database.url());
    auto b = CrossInstanceChatFanOut::open(database.url());
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    Heard on_b;
    auto subscribed = (*b)->subscribe("c-1", on_b.listener());
    REQUIRE(run_postgres_sql(postgres_test_cluster_url(),
                             "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" +
                                 database.name() + "'") == "");
    std::this_thread::sleep_for(100ms);
    (*a)->publish(ChatNotice::stored("demo", "c-1", message_event(2)));
    // Either the notice itself (B listening again already) or, B having missed it, a catch-up: a
    // seq at or past 2 makes the stream read from the store.
    REQUIRE(on_b.wait_for(1, 5s));
    CHECK(on_b.notices.back().seq >= 2);
}
