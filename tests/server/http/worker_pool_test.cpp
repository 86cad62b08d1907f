#include "catch_amalgamated.hpp"

#include "server/http/worker_pool.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <future>
#include <thread>

using namespace support::server;

namespace {

HttpResponse with_body(std::string body) {
    HttpResponse response;
    response.body = std::move(body);
    return response;
}

} // namespace

TEST_CASE("worker pool: work runs off the calling thread and answers its reply", "[http][workers]") {
    WorkerPool workers(2);
    const auto caller = std::this_thread::get_id();
    std::atomic<bool> ran_elsewhere = false;
    Reply reply = workers.run([&] {
        ran_elsewhere = std::this_thread::get_id() != caller;
        return with_body("done");
    });
    CHECK(std::move(reply).wait().body == "done");
    CHECK(ran_elsewhere);
}

TEST_CASE("worker pool: a full queue answers 503 at once instead of waiting", "[http][workers]") {
    WorkerPool workers(1, 2);
    std::promise<void> started;
    std::promise<void> release;
    auto released = release.get_future().share();
    std::vector<Reply> replies;
    replies.push_back(workers.run([&started, released] {
        started.set_value();
        released.wait();
        return with_body("ok");
    }));
    started.get_future().wait(); // the one worker is busy; the queue is empty
    for (int i = 0; i < 2; ++i)
        replies.push_back(workers.run([] { return with_body("ok"); }));
    Reply extra = workers.run([] { return with_body("late"); });
    REQUIRE(extra.is_ready());
    const auto busy = std::move(extra).take();
    CHECK(busy.status == 503);
    CHECK(busy.header("Retry-After") == "1");
    CHECK(nlohmann::json::parse(busy.body)["error"]["code"] == "server.busy");
    release.set_value();
    for (auto& reply : replies)
        CHECK(std::move(reply).wait().status == 200);
}

TEST_CASE("worker pool: work that throws answers 500; stop finishes what is queued", "[http][workers]") {
    WorkerPool workers(1);
    Reply failing = workers.run([]() -> HttpResponse { throw std::runtime_error("boom"); });
    CHECK(std::move(failing).wait().status == 500);
    std::vector<Reply> queued;
    for (int i = 0; i < 20; ++i)
        queued.push_back(workers.run([i] { return with_body(std::to_string(i)); }));
    workers.stop();
    for (int i = 0; i < 20; ++i)
        CHECK(std::move(queued[static_cast<std::size_t>(i)]).wait().body == std::to_string(i));
    CHECK(std::move(workers.run([] { return with_body("after stop"); })).wait().status == 503);
}

TEST_CASE("worker pool: a pool owned only by its own work goes away without a thread joining itself",
          "[http][workers]") {
    auto pool = std::make_shared<WorkerPool>(2);
    std::vector<Reply> replies;
    for (int i = 0; i < 50; ++i)
        replies.push_back(pool->run([pool, i] { return with_body(std::to_string(i)); }));
    pool.reset(); // the queued work holds the pool now
    for (int i = 0; i < 50; ++i)
        CHECK(std::move(replies[static_cast<std::size_t>(i)]).wait().body == std::to_string(i));
}
