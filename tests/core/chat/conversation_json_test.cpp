// A transcript saved and read back after a reload; what is not a transcript we wrote is refused
// with the place at fault, never half read.
#include "shared/core/chat/conversation_json.h"

#include "catch_amalgamated.hpp"

using namespace support::chat;

namespace {

constexpr std::int64_t k_now = 1'764'800'000'000;

Conversation lived_conversation() {
    Conversation c;
    ChatEvent hello;
    hello.seq = 1;
    hello.message.client_id = "b-1";
    hello.message.author = Author::Bot;
    hello.message.text = "How do I return an item?";
    hello.message.article_id = "how-to-return";
    REQUIRE(c.apply(hello));
    REQUIRE(c.compose("c-1", "איפה ההזמנה שלי?", k_now));
    REQUIRE(c.mark_sent("c-1", 2, k_now + 30));
    ChatEvent handoff;
    handoff.seq = 2;
    handoff.message = c.messages()[1];
    REQUIRE(c.apply(handoff));
    ChatEvent waiting;
    waiting.seq = 3;
    waiting.kind = ChatEvent::Kind::HandedOff;
    waiting.reason = HandoffReason::NotHelpful;
    waiting.staff_online = true;
    REQUIRE(c.apply(waiting));
    REQUIRE(c.handoff() == Handoff{HandoffReason::NotHelpful, true});
    ChatEvent joined;
    joined.seq = 4;
    joined.kind = ChatEvent::Kind::AgentJoined;
    joined.agent_label = "Dana";
    REQUIRE(c.apply(joined));
    REQUIRE(c.compose("c-2", "still there?", k_now + 60));
    REQUIRE(c.compose("c-3", "hello?", k_now + 70));
    REQUIRE(c.mark_failed("c-3"));
    return c;
}

} // namespace

TEST_CASE("a conversation reads back exactly as it was saved: messages, pending and failed ones, state") {
    const Conversation c = lived_conversation();
    const auto back = parse_conversation(serialize_conversation(c));
    REQUIRE(back);
    CHECK(*back == c);
    CHECK(back->state() == ConversationState::Agent);
    CHECK(back->last_seq() == 4);
    REQUIRE(back->messages().size() == 4);
    CHECK(back->messages()[1].text == "איפה ההזמנה שלי?");
    CHECK(back->messages()[3].status == DeliveryStatus::Failed);
}

TEST_CASE("a closed and rated conversation reads back with its rating") {
    Conversation c = lived_conversation();
    REQUIRE(c.close());
    REQUIRE(c.rate(5, "Quick, thanks", k_now + 900));
    const auto back = parse_conversation(serialize_conversation(c));
    REQUIRE(back);
    CHECK(*back == c);
    CHECK(back->csat()->score == 5);
}

TEST_CASE("what is not a saved conversation is refused with a stable id and the place at fault") {
    const auto error_of = [](std::string_view text) { return parse_conversation(text).error(); };
    CHECK(error_of("{\"v\":1,").code == "chat.saved.invalid_json");
    CHECK(error_of("[]").code == "chat.saved.bad_shape");
    CHECK(error_of(R"({"v":2})").code == "chat.saved.unsupported_version");
    CHECK(error_of(R"({"v":2})").field == "v");
    const std::string good = serialize_conversation(lived_conversation());
    const auto broken = [&](std::string_view from, std::string_view to) {
        std::string text = good;
        const auto at = text.find(from);
        REQUIRE(at != std::string::npos);
        text.replace(at, from.size(), to);
        return parse_conversation(text);
    };
    CHECK(broken("\"state\":\"agent\"", "\"state\":\"open\"").error().field == "/state");
    CHECK(broken("\"agent\":\"Dana\"", "\"agent\":\"\"").error().field == "/agent");
    CHECK(broken("\"last_seq\":4", "\"last_seq\":-4").error().field == "/last_seq");
    CHECK(broken("\"cid\":\"c-1\"", "\"cid\":\"b-1\"").error().field == "/messages/1/cid"); // twice
    CHECK(broken("\"cid\":\"c-1\"", "\"cid\":\"c 1\"").error().field == "/messages/1/cid");
    CHECK(broken("\"seq\":2", "\"seq\":1").error().field == "/messages/1/seq"); // out of order
    CHECK(broken("\"status\":\"failed\"", "\"status\":\"lost\"").error().field == "/messages/3/status");
    CHECK(broken("\"author\":\"bot\"", "\"author\":\"robot\"").error().field == "/messages/0/author");
    CHECK(broken("\"author\":\"shopper\",\"cid\":\"c-2\"", "\"author\":\"agent\",\"cid\":\"c-2\"")
              .error()
              .field == "/messages/2/author"); // only the shopper's messages wait
    CHECK(broken("\"messages\":[", "\"csat\":{\"score\":5,\"comment\":\"\",\"given\":1},\"messages\":[")
              .error()
              .field == "/csat"); // not closed
    CHECK(broken("\"author\":\"bot\"", "\"author\":\"agent\"").error().field ==
          "/messages/0/article"); // only the bot gives articles
    CHECK(broken("\"staff_online\":true", "\"staff_online\":1").error().field == "/handoff/staff_online");
    CHECK(broken("\"reason\":\"not_helpful\"", "\"reason\":\"bored\"").error().field == "/handoff/reason");
}

TEST_CASE("a saved conversation larger than 1 MB is refused before it is parsed") {
    const std::string huge(k_max_saved_bytes + 1, ' ');
    CHECK(parse_conversation(huge).error().code == "chat.saved.too_large");
}
