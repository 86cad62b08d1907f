// The chat part of the storage suite: written against the Storage interface only, so every store
// passes it unchanged. Conversations, events numbered without gaps, idempotent messages, what the
// conversation's state refuses, resuming after a seq, and durability across a reopen.
#include "catch_amalgamated.hpp"

#include "server/storage/storage.h"
#include "store_fixtures.h"

#include <thread>
#include <vector>

using namespace support;
using namespace support::server;
using namespace support::server::test;
using chat::Author;
using chat::ChatEvent;

namespace {

constexpr std::int64_t k_now = 1'764'900'000'000;

ChatEventDraft message(std::string conversation, std::string client_id, Author author, std::string text,
                       std::string label = {}) {
    ChatEventDraft draft;
    draft.conversation_id = std::move(conversation);
    draft.event.kind = ChatEvent::Kind::Message;
    draft.event.message.client_id = std::move(client_id);
    draft.event.message.author = author;
    draft.event.message.author_label = std::move(label);
    draft.event.message.text = std::move(text);
    draft.event.message.written_ms = k_now - 5;
    draft.event.at_ms = k_now;
    return draft;
}

ChatEventDraft state(std::string conversation, ChatEvent::Kind kind, std::string agent = {}) {
    ChatEventDraft draft;
    draft.conversation_id = std::move(conversation);
    draft.event.kind = kind;
    draft.event.agent_label = std::move(agent);
    draft.event.reason = chat::HandoffReason::NotHelpful;
    draft.event.at_ms = k_now + 1;
    return draft;
}

} // namespace

STORAGE_TEST_CASE("storage: a conversation is created in the bot state and found by its id",
                  "[storage][chat]") {
    StoreLocation location(TestType::backend);
    auto storage = location.open();
    REQUIRE(storage);
    auto created = (*storage)->create_conversation(new_conversation("conv-1"));
    REQUIRE(created);
    CHECK(created->state == chat::ConversationState::Bot);
    CHECK(created->last_seq == 0);
    auto found = (*storage)->find_conversation("conv-1");
    REQUIRE(found);
    REQUIRE(*found);
    CHECK(**found == *created);
    CHECK_FALSE(*(*storage)->find_conversation("conv-2"));
    CHECK((*storage)->create_conversation(new_conversation("conv-1")).error().code ==
          "storage.conversation_exists");
}

STORAGE_TEST_CASE("storage: events are numbered 1, 2, 3 … and the conversation follows them",
                  "[storage][chat]") {
    StoreLocation location(TestType::backend);
    auto storage = location.open();
    REQUIRE(storage);
    Storage& s = **storage;
    REQUIRE(s.create_conversation(new_conversation("c")));
    auto first = s.append_chat_event(message("c", "b-1", Author::Bot, "שלום! במה אפשר לעזור?"));
    REQUIRE(first);
    CHECK(first->event.seq == 1);
    CHECK_FALSE(first->duplicate);
    REQUIRE(s.append_chat_event(message("c", "s-1", Author::Shopper, "איפה ההזמנה שלי?")));
    REQUIRE(s.append_chat_event(state("c", ChatEvent::Kind::HandedOff)));
    auto joined = s.append_chat_event(state("c", ChatEvent::Kind::AgentJoined, "Dana"));
    REQUIRE(joined);
    CHECK(joined->event.seq == 4);
    const auto conversation = *s.find_conversation("c");
    CHECK(conversation->state == chat::ConversationState::Agent);
    CHECK(conversation->agent_label == "Dana");
    CHECK(conversation->last_seq == 4);

    auto events = s.chat_events_after("c", 0, 100);
    REQUIRE(events);
    REQUIRE(events->size() == 4);
    CHECK((*events)[1].message.text == "איפה ההזמנה שלי?");
    CHECK((*events)[2].reason == chat::HandoffReason::NotHelpful);
    CHECK((*events)[3].agent_label == "Dana");
    // A client replaying them reaches the same state.
    chat::Conversation replayed;
    for (const ChatEvent& e : *events)
        REQUIRE(replayed.apply(e));
    CHECK(replayed.state() == chat::ConversationState::Agent);
    CHECK(replayed.messages().size() == 2);
}

STORAGE_TEST_CASE("storage: a repeated message POST gets the first answer and stores nothing",
                  "[storage][chat]") {
    StoreLocation location(TestType::backend);
    auto storage = location.open();
    REQUIRE(storage);
    Storage& s = **storage;
    REQUIRE(s.create_conversation(new_conversation("c")));
    auto first = s.append_chat_event(message("c", "s-1", Author::Shopper, "hello"));
    REQUIRE(first);
    auto again = s.append_chat_event(message("c", "s-1", Author::Shopper, "hello"));
    REQUIRE(again);
    CHECK(again->duplicate);
    CHECK(again->event == first->event);
    CHECK(s.find_conversation("c").value()->last_seq == 1);
    CHECK(s.chat_events_after("c", 0, 10)->size() == 1);
}

STORAGE_TEST_CASE("storage: what the conversation's state refuses is not stored or numbered",
                  "[storage][chat]") {
    StoreLocation location(TestType::backend);
    auto storage = location.open();
    REQUIRE(storage);
    Storage& s = **storage;
    REQUIRE(s.create_conversation(new_conversation("c")));
    CHECK(s.append_chat_event(message("c", "a-1", Author::Agent, "too early", "Dana")).error().code ==
          "chat.state.no_agent");
    REQUIRE(s.append_chat_event(state("c", ChatEvent::Kind::HandedOff)));
    CHECK(s.append_chat_event(message("c", "b-1", Author::Bot, "me again")).error().code ==
          "chat.state.bot_silent");
    REQUIRE(s.append_chat_event(state("c", ChatEvent::Kind::Closed)));
    CHECK(s.append_chat_event(message("c", "s-9", Author::Shopper, "hello?")).error().code ==
          "chat.state.closed");
    CHECK(s.append_chat_event(message("nope", "s-1", Author::Shopper, "hi")).error().code ==
          "storage.no_conversation");
    CHECK(s.find_conversation("c").value()->last_seq == 2);
    CHECK(s.chat_events_after("c", 0, 10)->size() == 2);
}

STORAGE_TEST_CASE("storage: a stream resumed after a seq gets exactly the events it missed, in order",
                  "[storage][chat]") {
    StoreLocation location(TestType::backend);
    auto storage = location.open();
    REQUIRE(storage);
    Storage& s = **storage;
    REQUIRE(s.create_conversation(new_conversation("c")));
    for (int i = 1; i <= 10; ++i)
        REQUIRE(s.append_chat_event(
            message("c", "s-" + std::to_string(i), Author::Shopper, "m" + std::to_string(i))));
    auto missed = s.chat_events_after("c", 7, 100);
    REQUIRE(missed);
    REQUIRE(missed->size() == 3);
    CHECK((*missed)[0].seq == 8);
    CHECK((*missed)[2].message.text == "m10");
    CHECK(s.chat_events_after("c", 10, 100)->empty());
    CHECK(s.chat_events_after("c", 0, 4)->size() == 4); // bounded
}

STORAGE_TEST_CASE("storage: messages written at once from several threads get distinct seqs without gaps",
                  "[storage][chat]") {
    StoreLocation location(TestType::backend);
    auto storage = location.open();
    REQUIRE(storage);
    Storage& s = **storage;
    REQUIRE(s.create_conversation(new_conversation("c")));
    std::vector<std::thread> writers;
    for (int t = 0; t < 4; ++t)
        writers.emplace_back([&, t] {
            for (int i = 0; i < 25; ++i)
                (void)s.append_chat_event(
                    message("c", "t" + std::to_string(t) + "-" + std::to_string(i), Author::Shopper, "x"));
        });
    for (auto& w : writers)
        w.join();
    auto events = s.chat_events_after("c", 0, 1000);
    REQUIRE(events);
    REQUIRE(events->size() == 100);
    for (std::size_t i = 0; i < events->size(); ++i)
        CHECK((*events)[i].seq == i + 1);
}

STORAGE_TEST_CASE("storage: an acknowledged message is there after the store is reopened",
                  "[storage][chat]") {
    StoreLocation location(TestType::backend);
    {
        auto storage = location.open();
        REQUIRE(storage);
        REQUIRE((*storage)->create_conversation(new_conversation("c")));
        REQUIRE((*storage)->append_chat_event(message("c", "s-1", Author::Shopper, "still here?")));
    }
    auto reopened = location.open();
    REQUIRE(reopened);
    auto events = (*reopened)->chat_events_after("c", 0, 10);
    REQUIRE(events);
    REQUIRE(events->size() == 1);
    CHECK((*events)[0].message.text == "still here?");
}

STORAGE_TEST_CASE("storage: the open conversations of a site, most recently active first",
                  "[storage][chat]") {
    StoreLocation location(TestType::backend);
    auto storage = location.open();
    REQUIRE(storage);
    Storage& s = **storage;
    REQUIRE(s.create_conversation(new_conversation("older")));
    REQUIRE(s.create_conversation(new_conversation("newer")));
    REQUIRE(s.create_conversation(new_conversation("other-site", "elsewhere")));
    REQUIRE(s.create_conversation(new_conversation("done")));
    auto later = message("newer", "s-1", Author::Shopper, "hi");
    later.event.at_ms = k_now + 100;
    REQUIRE(s.append_chat_event(later));
    REQUIRE(s.append_chat_event(state("done", ChatEvent::Kind::Closed)));
    const std::vector<chat::ConversationState> open_states{
        chat::ConversationState::Bot, chat::ConversationState::Waiting, chat::ConversationState::Agent};
    auto open = s.list_conversations("demo", open_states, 10);
    REQUIRE(open);
    REQUIRE(open->size() == 2);
    CHECK((*open)[0].id == "newer");
    CHECK((*open)[1].id == "older");
}

STORAGE_TEST_CASE(
    "storage: conversations waiting for a person are listed however many are still with the bot",
    "[storage][chat]") {
    StoreLocation location(TestType::backend);
    auto storage = location.open();
    REQUIRE(storage);
    Storage& s = **storage;
    REQUIRE(s.create_conversation(new_conversation("waiting")));
    REQUIRE(s.append_chat_event(state("waiting", ChatEvent::Kind::HandedOff)));
    for (int i = 0; i < 30; ++i) { // newer, and with the bot
        auto c = new_conversation("bot-" + std::to_string(i));
        c.created_at_ms = k_now + 10 + i;
        REQUIRE(s.create_conversation(c));
    }
    const std::vector<chat::ConversationState> waiting{chat::ConversationState::Waiting};
    const auto listed = s.list_conversations("demo", waiting, 5).value();
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].id == "waiting");
    CHECK(s.list_conversations("demo", {}, 5).value().empty());
}

STORAGE_TEST_CASE(
    "storage: a bot's answer keeps its article, a handoff whether someone was online, a conversation "
    "the address left for a reply",
    "[storage][chat]") {
    StoreLocation location(TestType::backend);
    auto storage = location.open();
    REQUIRE(storage);
    Storage& s = **storage;
    REQUIRE(s.create_conversation(new_conversation("c")));
    REQUIRE(s.append_chat_event(message("c", "s-1", Author::Shopper, "how do I return shoes?")));
    auto answer = message("c", "bot-1", Author::Bot, "How do I return an item?");
    answer.event.message.article_id = "how-to-return";
    REQUIRE(s.append_chat_event(answer));
    auto handoff = state("c", ChatEvent::Kind::HandedOff);
    handoff.event.staff_online = true;
    REQUIRE(s.append_chat_event(handoff));
    REQUIRE(s.set_conversation_reply_email("c", "noa@example.com", k_now + 9));
    CHECK(s.set_conversation_reply_email("nobody", "noa@example.com", k_now).error().code ==
          "storage.no_conversation");

    const auto events = s.chat_events_after("c", 0, 10).value();
    REQUIRE(events.size() == 3);
    CHECK(events[0].message.article_id.empty());
    CHECK(events[1].message.article_id == "how-to-return");
    CHECK(events[2].staff_online);
    const auto conversation = s.find_conversation("c").value();
    CHECK(conversation->reply_email == "noa@example.com");
    CHECK(conversation->updated_at_ms == k_now + 9);
}
