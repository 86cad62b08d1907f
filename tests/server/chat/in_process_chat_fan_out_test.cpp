// The in-process fan-out: a notice reaches the listeners of its conversation and those of all,
// and nobody after the subscription is dropped.

#include "catch_amalgamated.hpp"

#include "server/chat/in_process_chat_fan_out.h"

#include <vector>

using namespace support;
using namespace support::server;

namespace {

chat::ChatEvent closed_event(std::uint64_t seq) {
    chat::ChatEvent event;
    event.seq = seq;
    event.kind = chat::ChatEvent::Kind::Closed;
    return event;
}

} // namespace

TEST_CASE("fan-out: a notice reaches its conversation's listeners and the inbox, not other conversations",
          "[chat_fan_out]") {
    auto fan_out = std::make_shared<InProcessChatFanOut>();
    std::vector<std::uint64_t> a_heard, b_heard, all_heard;
    auto a = fan_out->subscribe("a", [&](const ChatNotice& notice) { a_heard.push_back(notice.seq); });
    auto b = fan_out->subscribe("b", [&](const ChatNotice& notice) { b_heard.push_back(notice.seq); });
    auto all = fan_out->subscribe_all([&](const ChatNotice& notice) { all_heard.push_back(notice.seq); });
    fan_out->publish(ChatNotice::stored("demo", "a", closed_event(1)));
    fan_out->publish(ChatNotice::stored("demo", "b", closed_event(7)));
    CHECK(a_heard == std::vector<std::uint64_t>{1});
    CHECK(b_heard == std::vector<std::uint64_t>{7});
    CHECK(all_heard == std::vector<std::uint64_t>{1, 7});
    CHECK(fan_out->listener_count() == 3);

    a.reset();
    fan_out->publish(ChatNotice::stored("demo", "a", closed_event(2)));
    CHECK(a_heard == std::vector<std::uint64_t>{1});
    CHECK(all_heard.back() == 2);
    CHECK(fan_out->listener_count() == 2);
}

TEST_CASE("fan-out: a subscription may outlive the fan-out, and a listener may unsubscribe while it is "
          "called",
          "[chat_fan_out]") {
    auto fan_out = std::make_shared<InProcessChatFanOut>();
    std::unique_ptr<ChatFanOut::Subscription> self;
    int heard = 0;
    self = fan_out->subscribe("a", [&](const ChatNotice&) {
        ++heard;
        self.reset(); // the stream ended while hearing
    });
    fan_out->publish(ChatNotice::typing("demo", "a", chat::Author::Shopper, ""));
    fan_out->publish(ChatNotice::typing("demo", "a", chat::Author::Shopper, ""));
    CHECK(heard == 1);
    auto late = fan_out->subscribe("a", [](const ChatNotice&) {});
    fan_out.reset();
    late.reset(); // nothing to leave any more: no crash
}
