#include "catch_amalgamated.hpp"

#include "server/http/reply.h"

#include <atomic>
#include <string>
#include <thread>

using namespace support::server;

namespace {

HttpResponse with_body(std::string body) {
    HttpResponse response;
    response.body = std::move(body);
    return response;
}

} // namespace

TEST_CASE("a ready reply runs its steps at once, in order", "[reply]") {
    std::string order;
    Reply reply = Reply(with_body("x"))
                      .then([&](HttpResponse& r) { order += "a", r.body += "1"; })
                      .then([&](HttpResponse& r) { order += "b", r.body += "2"; });
    CHECK(order == "ab");
    CHECK(reply.is_ready());
    CHECK(std::move(reply).take().body == "x12");
}

TEST_CASE("a pending reply gets its steps when the promise is kept on another thread", "[reply]") {
    ResponsePromise promise;
    Reply reply = promise.reply().then([](HttpResponse& r) { r.set_header("X-Step", "ran"); });
    CHECK_FALSE(reply.is_ready());
    std::atomic<bool> woken{false};
    reply.when_ready([&] { woken = true; });
    std::thread keeper([promise]() mutable { promise.fulfil(with_body("later")); });
    keeper.join();
    CHECK(woken);
    const HttpResponse response = std::move(reply).take();
    CHECK(response.body == "later");
    CHECK(response.header("X-Step") == "ran");
}

TEST_CASE("a promise kept before anyone waits wakes the waiter at once; a second answer is ignored",
          "[reply]") {
    ResponsePromise promise;
    Reply reply = promise.reply();
    promise.fulfil(with_body("first"));
    promise.fulfil(with_body("second"));
    bool woken = false;
    reply.when_ready([&] { woken = true; });
    CHECK(woken);
    CHECK(std::move(reply).wait().body == "first");
}

TEST_CASE("a promise dropped unkept answers 500 server.internal instead of leaving the request waiting",
          "[reply]") {
    Reply reply = [] {
        ResponsePromise promise;
        return promise.reply();
    }();
    REQUIRE(reply.is_ready());
    const HttpResponse response = std::move(reply).wait();
    CHECK(response.status == 500);
    CHECK(response.body.find("server.internal") != std::string::npos);
}
