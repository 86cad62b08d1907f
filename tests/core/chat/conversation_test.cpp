// A conversation as the shopper lives it: the bot, asking for a person, an agent joining, messages
// that wait, fail and go again, a stream that repeats or skips events, closing and rating.
#include "shared/core/chat/conversation.h"

#include "catch_amalgamated.hpp"

using namespace support::chat;

namespace {

constexpr std::int64_t k_now = 1'764'800'000'000;

ChatEvent message_event(std::uint64_t seq, Author author, std::string client_id, std::string text,
                        std::string label = {}) {
    ChatEvent event;
    event.seq = seq;
    event.kind = ChatEvent::Kind::Message;
    event.message.client_id = std::move(client_id);
    event.message.author = author;
    event.message.author_label = std::move(label);
    event.message.text = std::move(text);
    event.message.stored_ms = k_now + static_cast<std::int64_t>(seq);
    event.at_ms = event.message.stored_ms;
    return event;
}

ChatEvent state_event(std::uint64_t seq, ChatEvent::Kind kind, std::string label = {}) {
    ChatEvent event;
    event.seq = seq;
    event.kind = kind;
    event.agent_label = std::move(label);
    return event;
}

ChatMessage stored(std::string client_id, std::uint64_t seq, Author author, std::string text) {
    ChatMessage message;
    message.client_id = std::move(client_id);
    message.seq = seq;
    message.author = author;
    message.text = std::move(text);
    return message;
}

std::vector<std::string> texts(const Conversation& c) {
    std::vector<std::string> out;
    for (const ChatMessage& m : c.messages())
        out.push_back(m.text);
    return out;
}

} // namespace

TEST_CASE("a conversation starts with the bot and walks bot → waiting → agent → closed") {
    Conversation c;
    CHECK(c.state() == ConversationState::Bot);
    REQUIRE(c.apply(message_event(1, Author::Bot, "b-1", "Hi! What can I help with?")).value());
    REQUIRE(c.apply(state_event(2, ChatEvent::Kind::HandedOff)).value());
    CHECK(c.state() == ConversationState::Waiting);
    REQUIRE(c.apply(state_event(3, ChatEvent::Kind::AgentJoined, "Dana")).value());
    CHECK(c.state() == ConversationState::Agent);
    CHECK(c.agent_label() == "Dana");
    REQUIRE(c.apply(message_event(4, Author::Agent, "a-1", "Hi, I'm Dana. I see your order 1042.", "Dana"))
                .value());
    REQUIRE(c.apply(state_event(5, ChatEvent::Kind::Closed)).value());
    CHECK(c.state() == ConversationState::Closed);
    CHECK(c.last_seq() == 5);
    CHECK(texts(c) ==
          std::vector<std::string>{"Hi! What can I help with?", "Hi, I'm Dana. I see your order 1042."});
}

TEST_CASE("after an agent joins the bot is silent, and before one joins no agent writes") {
    Conversation c;
    CHECK(c.add_stored(stored("a-0", 1, Author::Agent, "early")).error().code == "chat.state.no_agent");
    REQUIRE(c.hand_off(HandoffReason::BotNotConfident));
    CHECK(c.add_stored(stored("b-1", 1, Author::Bot, "me again")).error().code == "chat.state.bot_silent");
    REQUIRE(c.agent_joined("Dana"));
    CHECK(c.add_stored(stored("b-2", 2, Author::Bot, "me again")).error().code == "chat.state.bot_silent");
    CHECK(c.add_stored(stored("a-1", 3, Author::Agent, "Hello")));
    // A colleague takes over: still the agent state, with their name.
    REQUIRE(c.agent_joined("Noa"));
    CHECK(c.agent_label() == "Noa");
}

TEST_CASE("a transition that does not apply is an error and changes nothing") {
    Conversation c;
    REQUIRE(c.hand_off(HandoffReason::ShopperAsked));
    CHECK(c.hand_off(HandoffReason::NotHelpful).error().code == "chat.state.not_bot");
    CHECK(c.agent_joined("").error().code == "chat.agent.bad_label");
    CHECK(c.agent_joined(std::string(101, 'x')).error().code == "chat.agent.bad_label");
    CHECK(c.state() == ConversationState::Waiting);
    REQUIRE(c.close());
    CHECK(c.close().error().code == "chat.state.closed");
    CHECK(c.agent_joined("Dana").error().code == "chat.state.closed");
    CHECK(c.compose("c-1", "hello?", k_now).error().code == "chat.state.closed");
}

TEST_CASE("the shopper's message waits, is acknowledged by the POST, and the stream's copy adds nothing") {
    Conversation c;
    auto composed = c.compose("c-1", "  Where is my order?\n", k_now);
    REQUIRE(composed);
    CHECK((*composed)->status == DeliveryStatus::Pending);
    CHECK((*composed)->text == "Where is my order?");
    CHECK((*composed)->seq == 0);
    REQUIRE(c.mark_sent("c-1", 1, k_now + 40));
    CHECK(c.find("c-1")->status == DeliveryStatus::Sent);
    CHECK(c.find("c-1")->seq == 1);
    CHECK(c.last_seq() == 0); // the stream has not said so yet
    // The stream's event for the same message: nothing new, the stream moves on.
    const auto applied = c.apply(message_event(1, Author::Shopper, "c-1", "Where is my order?"));
    REQUIRE(applied);
    CHECK(c.last_seq() == 1);
    CHECK(c.messages().size() == 1);
}

TEST_CASE("dropping the unacknowledged keeps what the server numbered, in its order") {
    Conversation c;
    REQUIRE(c.apply(message_event(1, Author::Shopper, "c-1", "Where is my order?")));
    REQUIRE(c.apply(message_event(2, Author::Bot, "b-1", "It ships tomorrow.")));
    REQUIRE(c.compose("c-2", "Thanks", k_now));
    REQUIRE(c.compose("c-3", "And returns?", k_now));
    REQUIRE(c.mark_failed("c-3"));
    c.drop_unacknowledged();
    CHECK(texts(c) == std::vector<std::string>{"Where is my order?", "It ships tomorrow."});
    CHECK(c.last_seq() == 2);
    CHECK(c.find("c-2") == nullptr);
}

TEST_CASE("the stream's copy of a pending message makes it sent, in the server's order") {
    Conversation c;
    REQUIRE(c.compose("c-1", "first", k_now));
    REQUIRE(c.compose("c-2", "second", k_now + 1));
    REQUIRE(c.apply(message_event(1, Author::Bot, "b-1", "bot hello")).value());
    REQUIRE(c.apply(message_event(2, Author::Shopper, "c-1", "first")).value());
    CHECK(texts(c) == std::vector<std::string>{"bot hello", "first", "second"});
    CHECK(c.find("c-1")->status == DeliveryStatus::Sent);
    CHECK(c.find("c-1")->written_ms == k_now); // the writer's time is kept
    CHECK(c.find("c-2")->status == DeliveryStatus::Pending);
}

TEST_CASE("acknowledgements out of order still show the messages in seq order, pending ones last") {
    Conversation c;
    REQUIRE(c.compose("c-1", "one", k_now));
    REQUIRE(c.compose("c-2", "two", k_now + 1));
    REQUIRE(c.compose("c-3", "three", k_now + 2));
    REQUIRE(c.mark_sent("c-2", 5, k_now + 10));
    REQUIRE(c.mark_sent("c-1", 4, k_now + 11));
    CHECK(texts(c) == std::vector<std::string>{"one", "two", "three"});
    // An agent's message numbered between them arrives through the stream.
    REQUIRE(c.agent_joined("Dana"));
    REQUIRE(c.add_stored(stored("a-1", 3, Author::Agent, "agent")));
    CHECK(texts(c) == std::vector<std::string>{"agent", "one", "two", "three"});
    CHECK(c.mark_sent("c-3", 5, k_now).error().code == "chat.message.seq_taken");
    CHECK(c.mark_sent("nope", 6, k_now).error().code == "chat.message.unknown_client_id");
}

TEST_CASE("a failed message is kept, and Retry sends it again as the last one") {
    Conversation c;
    REQUIRE(c.compose("c-1", "one", k_now));
    REQUIRE(c.compose("c-2", "two", k_now + 1));
    REQUIRE(c.mark_failed("c-1"));
    CHECK(c.find("c-1")->status == DeliveryStatus::Failed);
    CHECK(c.mark_failed("c-1").error().code == "chat.message.not_pending");
    CHECK(c.retry("c-2").error().code == "chat.message.not_failed");
    REQUIRE(c.retry("c-1"));
    CHECK(texts(c) == std::vector<std::string>{"two", "one"});
    CHECK(c.find("c-1")->status == DeliveryStatus::Pending);
}

TEST_CASE("what the shopper writes is checked before it is kept") {
    Conversation c;
    CHECK(c.compose("c-1", " \n\t ", k_now).error().code == "chat.message.empty");
    CHECK(c.compose("c-1", std::string(4001, 'a'), k_now).error().code == "chat.message.too_long");
    CHECK(c.compose("c-1", std::string(4000, 'a'), k_now));
    CHECK(c.compose("c-2", "bad \xC3", k_now).error().code == "chat.message.invalid_utf8");
    CHECK(c.compose("", "hi", k_now).error().code == "chat.message.bad_client_id");
    CHECK(c.compose("has space", "hi", k_now).error().code == "chat.message.bad_client_id");
    CHECK(c.compose("c-1", "again", k_now).error().code == "chat.message.duplicate_client_id");
    const auto hebrew = c.compose("c-3", "איפה ההזמנה שלי? #1042", k_now);
    REQUIRE(hebrew);
    CHECK((*hebrew)->text == "איפה ההזמנה שלי? #1042");
    CHECK(c.compose("c-1", "x", k_now).error().field == "client_id");
}

TEST_CASE("a repeated event changes nothing; a skipped one is a gap to reconnect from") {
    Conversation c;
    REQUIRE(c.apply(message_event(1, Author::Bot, "b-1", "hello")).value());
    const Conversation before = c;
    const auto repeated = c.apply(message_event(1, Author::Bot, "b-1", "hello"));
    REQUIRE(repeated);
    CHECK_FALSE(*repeated);
    CHECK(c == before);
    const auto skipped = c.apply(message_event(3, Author::Bot, "b-3", "later"));
    REQUIRE_FALSE(skipped);
    CHECK(skipped.error().code == "chat.event.gap");
    CHECK(c == before);
    // An event that does not apply leaves everything, last_seq included, as it was.
    REQUIRE(c.apply(state_event(2, ChatEvent::Kind::HandedOff)).value());
    const Conversation waiting = c;
    const auto bot_after = c.apply(message_event(3, Author::Bot, "b-3", "still me"));
    REQUIRE_FALSE(bot_after);
    CHECK(bot_after.error().code == "chat.state.bot_silent");
    CHECK(c == waiting);
}

TEST_CASE("a stream replayed from the start after a reconnect gives the same transcript, nothing doubled") {
    std::vector<ChatEvent> events = {
        message_event(1, Author::Bot, "b-1", "Hi!"),
        message_event(2, Author::Shopper, "c-1", "I need a person"),
        state_event(3, ChatEvent::Kind::HandedOff),
        state_event(4, ChatEvent::Kind::AgentJoined, "Dana"),
        message_event(5, Author::Agent, "a-1", "Dana here", "Dana"),
    };
    Conversation once;
    for (const ChatEvent& e : events)
        REQUIRE(once.apply(e));
    Conversation twice;
    for (std::size_t i = 0; i < 3; ++i)
        REQUIRE(twice.apply(events[i]));
    for (const ChatEvent& e : events) // the stream resumed from 0 instead of 3
        REQUIRE(twice.apply(e));
    CHECK(twice == once);
    CHECK(texts(twice).size() == 3);
}

TEST_CASE("the help is rated once, 1 to 5, after the conversation is closed") {
    Conversation c;
    CHECK(c.rate(5, "", k_now).error().code == "chat.csat.not_closed");
    REQUIRE(c.close());
    CHECK(c.rate(0, "", k_now).error().code == "chat.csat.bad_score");
    CHECK(c.rate(6, "", k_now).error().code == "chat.csat.bad_score");
    CHECK(c.rate(4, std::string(1001, 'x'), k_now).error().code == "chat.csat.comment_too_long");
    REQUIRE(c.rate(4, "  Quick, thanks ", k_now));
    CHECK(c.csat()->score == 4);
    CHECK(c.csat()->comment == "Quick, thanks");
    CHECK(c.rate(5, "", k_now).error().code == "chat.csat.already_given");
}

TEST_CASE("every state, author and status has a name that reads back") {
    for (auto s : {ConversationState::Bot, ConversationState::Waiting, ConversationState::Agent,
                   ConversationState::Closed})
        CHECK(state_from_name(state_name(s)) == s);
    for (auto a : {Author::Shopper, Author::Bot, Author::Agent, Author::System})
        CHECK(author_from_name(author_name(a)) == a);
    for (auto d : {DeliveryStatus::Pending, DeliveryStatus::Sent, DeliveryStatus::Failed})
        CHECK(status_from_name(status_name(d)) == d);
    CHECK_FALSE(state_from_name("open"));
}
