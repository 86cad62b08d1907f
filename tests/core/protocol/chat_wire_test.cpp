// Chat on the wire: every event kind, a message post and its receipt survive encoding and
// decoding; a malformed one is refused naming its field.
#include "shared/core/protocol/chat_wire.h"

#include "catch_amalgamated.hpp"

using namespace support::protocol;
using support::chat::Author;
using support::chat::ChatEvent;
using support::chat::HandoffReason;

namespace {

ChatEvent agent_message() {
    ChatEvent event;
    event.seq = 5;
    event.at_ms = 1'764'800'000'500;
    event.message.client_id = "a-9f2c";
    event.message.author = Author::Agent;
    event.message.author_label = "Dana";
    event.message.text = "שלום, אני דנה. I see order #1042 — سفارش شما";
    event.message.written_ms = 1'764'800'000'400;
    event.message.seq = 5;
    event.message.stored_ms = event.at_ms;
    return event;
}

} // namespace

TEST_CASE("every chat event kind reads back as it was written") {
    ChatEvent handed;
    handed.seq = 3;
    handed.kind = ChatEvent::Kind::HandedOff;
    handed.reason = HandoffReason::BotNotConfident;
    handed.staff_online = true;
    handed.at_ms = 10;
    ChatEvent answer;
    answer.seq = 2;
    answer.at_ms = 9;
    answer.message.client_id = "bot-1";
    answer.message.author = Author::Bot;
    answer.message.text = "How do I return an item?\n\nYou have 30 days …";
    answer.message.article_id = "how-to-return";
    support::chat::stamp_stored(answer);
    ChatEvent joined;
    joined.seq = 4;
    joined.kind = ChatEvent::Kind::AgentJoined;
    joined.agent_label = "Dana";
    joined.at_ms = 11;
    ChatEvent closed;
    closed.seq = 6;
    closed.kind = ChatEvent::Kind::Closed;
    closed.at_ms = 12;
    for (const ChatEvent& event : {agent_message(), answer, handed, joined, closed}) {
        const auto back = decode_chat_event(encode_chat_event(event));
        REQUIRE(back);
        CHECK(*back == event);
    }
}

TEST_CASE("a decoded event can be applied to the conversation it belongs to") {
    support::chat::Conversation c;
    ChatEvent joined;
    joined.seq = 1;
    joined.kind = ChatEvent::Kind::AgentJoined;
    joined.agent_label = "Dana";
    REQUIRE(c.apply(*decode_chat_event(encode_chat_event(joined))));
    ChatEvent message = agent_message();
    message.seq = 2;
    REQUIRE(c.apply(*decode_chat_event(encode_chat_event(message))));
    CHECK(c.messages().back().text == message.message.text);
    CHECK(c.last_seq() == 2);
}

TEST_CASE("a malformed event is refused naming its field") {
    CHECK(decode_chat_event("{").error().code == "api.chat_event.invalid_json");
    CHECK(decode_chat_event(R"({"kind":"closed","at_ms":1})").error().field == "/seq");
    CHECK(decode_chat_event(R"({"seq":0,"kind":"closed","at_ms":1})").error().field == "/seq");
    CHECK(decode_chat_event(R"({"seq":1,"kind":"typing","at_ms":1})").error().code ==
          "api.chat_event.unknown_kind");
    CHECK(decode_chat_event(R"({"seq":1,"kind":"handed_off","at_ms":1,"reason":"bored"})").error().code ==
          "api.chat_event.unknown_reason");
    CHECK(decode_chat_event(R"({"seq":1,"kind":"agent_joined","at_ms":1,"agent":""})").error().field ==
          "/agent");
    const auto bad_author = decode_chat_event(
        R"({"seq":1,"kind":"message","at_ms":1,"message":{"client_id":"x","author":"robot","text":"hi","written_ms":1}})");
    CHECK(bad_author.error().code == "api.chat_event.unknown_author");
    CHECK(bad_author.error().field == "/message/author");
    const auto blank = decode_chat_event(
        R"({"seq":1,"kind":"message","at_ms":1,"message":{"client_id":"x","author":"bot","text":"  ","written_ms":1}})");
    CHECK(blank.error().field == "/message/text");
}

TEST_CASE("a message post and its receipt read back; bad ones name the field") {
    const ChatMessagePost post{"6f1c-22", "Where is my order?", 1'764'800'000'000};
    CHECK(*decode_chat_message_post(encode_chat_message_post(post)) == post);
    CHECK(decode_chat_message_post(R"({"client_id":"has space","text":"hi","written_ms":1})").error().code ==
          "api.chat_message.bad_client_id");
    CHECK(decode_chat_message_post(R"({"client_id":"c-1","text":"","written_ms":1})").error().code ==
          "api.chat_message.missing_field");
    CHECK(decode_chat_message_post(R"({"client_id":"c-1","text":" \n ","written_ms":1})").error().code ==
          "api.chat_message.empty");
    CHECK(decode_chat_message_post(R"({"client_id":"c-1","text":")" + std::string(4001, 'a') +
                                   R"(","written_ms":1})")
              .error()
              .code == "api.chat_message.too_long");
    CHECK(decode_chat_message_post(R"({"client_id":"c-1","text":"hi"})").error().field == "/written_ms");
    const ChatMessageReceipt receipt{"6f1c-22", 7, 1'764'800'000'100, true};
    CHECK(*decode_chat_message_receipt(encode_chat_message_receipt(receipt)) == receipt);
    CHECK(decode_chat_message_receipt(R"({"client_id":"c-1","seq":0,"stored_ms":1})").error().field ==
          "/seq");
}

TEST_CASE("typing reads back; an unknown author is refused") {
    const ChatTyping agent{Author::Agent, "Dana"};
    CHECK(encode_chat_typing(agent) == R"({"author":"agent","label":"Dana"})");
    CHECK(*decode_chat_typing(encode_chat_typing(agent)) == agent);
    CHECK(encode_chat_typing(ChatTyping{Author::Shopper, ""}) == R"({"author":"shopper"})");
    CHECK(decode_chat_typing(R"({"author":"robot"})").error().code == "api.chat_typing.unknown_author");
}

TEST_CASE("a conversation start carries the locale and the page's context; its answer the token") {
    ConversationStart start;
    start.locale = "he";
    start.context = ContextSnapshot{};
    start.context->page_url = "https://shop.example/cart?email=a@b.c";
    start.shopper_key = "0b7e6f1c-3d2a-4c5b-9e8f-0a1b2c3d4e5f";
    const auto decoded = decode_conversation_start(encode_conversation_start(start));
    REQUIRE(decoded);
    CHECK(decoded->locale == "he");
    CHECK(decoded->shopper_key == start.shopper_key);
    CHECK(decode_conversation_start(R"({"locale":"he","shopper_key":"x"})").error().field == "/shopper_key");
    REQUIRE(decoded->context);
    CHECK(decoded->context->page_url == "https://shop.example/cart"); // the query never travels
    CHECK(decode_conversation_start(R"({"locale":"he_IL"})").error().code == "api.chat_start.invalid_locale");
    CHECK(decode_conversation_start(R"({"locale":"en","context":{"page":{"url":7}}})").error().field ==
          "/context/page/url");
    CHECK(decode_conversation_start("{}").error().field == "/locale");

    const ConversationOpened opened{"Qm9vdHN0cmFwcGVkLWlk", "token-43-characters-of-base64url-xxxxxxxxxxx",
                                    support::chat::ConversationState::Bot, 0};
    CHECK(*decode_conversation_opened(encode_conversation_opened(opened)) == opened);
    CHECK(
        decode_conversation_opened(R"({"id":"a","token":"b","state":"asleep","last_seq":0})").error().code ==
        "api.chat_opened.unknown_state");
}

TEST_CASE("a handoff request names the shopper's reason; a reply address must be one") {
    CHECK(decode_handoff_request(encode_handoff_request({HandoffReason::NotHelpful}))->reason ==
          HandoffReason::NotHelpful);
    CHECK(decode_handoff_request(R"({"reason":"bot_not_confident"})").error().code ==
          "api.chat_handoff.unknown_reason");
    CHECK(decode_handoff_request("[]").error().code.rfind("api.chat_handoff.", 0) == 0);
    CHECK(*decode_reply_email(encode_reply_email("נועה@example.co.il")) == "נועה@example.co.il");
    CHECK(decode_reply_email(R"({"email":"noa@"})").error().code == "api.chat_reply_email.invalid_email");
    CHECK(decode_reply_email(R"({"email":7})").error().field == "/email");
}
