// What instances sharing a PostgreSQL store tell each other: chat notices and staff presence as
// JSON, read back as sent, and anything else read as nothing — never an exception.

#include "catch_amalgamated.hpp"

#include "server/chat/instance_notice_wire.h"

#include <string>

using namespace support;
using namespace support::server;

namespace {

ChatNotice stored_message(std::string site, std::string conversation, std::uint64_t seq) {
    chat::ChatEvent event;
    event.kind = chat::ChatEvent::Kind::Message;
    event.seq = seq;
    event.message.client_id = "m-" + std::to_string(seq);
    event.message.text = "שלום";
    return ChatNotice::stored(std::move(site), std::move(conversation), event);
}

} // namespace

TEST_CASE("instance notices: a stored event crosses as site, conversation, seq and kind, never its text",
          "[chat][fan_out]") {
    const auto payload = encode_chat_notice(stored_message("demo", "c-1", 7), "aaa");
    CHECK(payload.find("שלום") == std::string::npos); // the text stays in the store
    const auto notice = decode_chat_notice(payload, "bbb");
    REQUIRE(notice.has_value());
    CHECK(notice->kind == ChatNotice::Kind::Stored);
    CHECK(notice->site == "demo");
    CHECK(notice->conversation_id == "c-1");
    CHECK(notice->seq == 7);
    CHECK(notice->event_kind == chat::ChatEvent::Kind::Message);
    CHECK_FALSE(notice->event.has_value()); // the stream reads it by seq
}

TEST_CASE("instance notices: typing crosses with who types; an instance skips its own and junk",
          "[chat][fan_out]") {
    const auto typing =
        encode_chat_notice(ChatNotice::typing("demo", "c-1", chat::Author::Agent, "Dana"), "aaa");
    const auto notice = decode_chat_notice(typing, "bbb");
    REQUIRE(notice.has_value());
    CHECK(notice->kind == ChatNotice::Kind::Typing);
    CHECK(notice->typist == chat::Author::Agent);
    CHECK(notice->typist_label == "Dana");
    CHECK_FALSE(decode_chat_notice(typing, "aaa").has_value());
    CHECK_FALSE(decode_chat_notice("not json", "bbb").has_value());
    CHECK_FALSE(decode_chat_notice(R"({"from":"x","conversation":""})", "bbb").has_value());
    CHECK_FALSE(decode_chat_notice(R"({"from":"x","conversation":"c","typist":"?"})", "bbb"));
}

TEST_CASE("instance notices: members of the wrong type are read as missing, not thrown over",
          "[chat][fan_out]") {
    // A stored notice whose site, kind or sender is not text still wakes the conversation's streams.
    const auto odd =
        decode_chat_notice(R"({"from":5,"site":["demo"],"conversation":"c-1","seq":3,"event":{}})", "bbb");
    REQUIRE(odd.has_value());
    CHECK(odd->seq == 3);
    CHECK(odd->site.empty());
    CHECK_FALSE(odd->event_kind.has_value());
    CHECK_FALSE(decode_chat_notice(R"({"conversation":7,"seq":3})", "bbb").has_value());
    CHECK_FALSE(decode_chat_notice(R"({"conversation":"c","typist":1,"label":2})", "bbb").has_value());
    CHECK(decode_chat_notice(R"({"conversation":"c","typist":"agent","label":2})", "bbb")
              ->typist_label.empty());
    CHECK_FALSE(
        decode_chat_notice(R"({"conversation":"c","seq":-1})", "bbb").has_value()); // not typing either
    CHECK_FALSE(decode_chat_notice(std::string(5000, '[') + std::string(5000, ']'), "bbb").has_value());
}

TEST_CASE("instance notices: presence reports read back as sent; junk and wrong types are nothing",
          "[chat][presence]") {
    const PresenceReport report{"inst1", {{7, "נועה@shop.example"}, {9, "omar@shop.example"}}};
    CHECK(decode_presence_report(encode_presence_report(report)) == report);
    CHECK(decode_presence_report(encode_presence_report({"inst2", {}})) == PresenceReport{"inst2", {}});
    CHECK_FALSE(decode_presence_report("[]").has_value());
    CHECK_FALSE(decode_presence_report(R"({"from":"x","members":[{"id":"seven"}]})").has_value());
    CHECK_FALSE(decode_presence_report(R"({"from":1,"members":[]})").has_value());
    CHECK_FALSE(decode_presence_report(R"({"from":"x","members":[7]})").has_value());
    CHECK(decode_presence_report(R"({"from":"x","members":[{"id":7,"email":false}]})")
              ->members.at(0)
              .email.empty());
    CHECK_FALSE(decode_presence_report(R"({"from":"x","members":[[[{"id":7}]]]})").has_value());
}
