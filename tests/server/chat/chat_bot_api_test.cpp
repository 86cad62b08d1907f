// The bot over the wire: a shopper's question answered from the site's FAQ in the conversation's
// language, handed to a person when the FAQ has no good answer or the shopper asks, and the bot
// silent once a person has joined.

#include "catch_amalgamated.hpp"

#include "chat_on_the_wire.h"

#include <chrono>

using namespace support;
using namespace support::server;
using namespace support::server::test;
using namespace std::chrono_literals;

namespace {

content::Article article(std::string id, std::string locale, std::string title, std::string body) {
    content::Article a;
    a.id = std::move(id);
    a.locale = std::move(locale);
    a.title = std::move(title);
    a.body = std::move(body);
    return a;
}

std::vector<SiteContent> store_help() {
    SiteContent demo;
    demo.site = "demo";
    demo.articles = {
        article("how-to-return", "en", "How do I return an item?",
                "You have **30 days** to return an item. Print the free label from your order page."),
        article("shipping-times", "en", "How long does delivery take?",
                "Standard delivery takes 3 to 5 working days; express arrives the next day."),
        article("gift-cards", "en", "Can I pay with a gift card?", "Enter the gift card code at checkout."),
        article("how-to-return", "he", "איך מחזירים מוצר?",
                "יש לכם **30 יום** להחזיר מוצר. הדפיסו את תווית ההחזרה החינמית מעמוד ההזמנה."),
        article("shipping-times", "he", "כמה זמן לוקח משלוח?", "משלוח רגיל לוקח 3 עד 5 ימי עסקים."),
    };
    return {demo};
}

// The next stored event of a stream (typing notices skipped).
json next_stored(EventStreamClient& stream) {
    for (;;) {
        const auto event = stream.next_event(3s);
        REQUIRE(event);
        if (event->type.empty() || event->type == "message")
            return json::parse(event->data);
    }
}

WireResponse hand_off(ChatOnTheWire& chat, const Opened& opened, std::string_view body) {
    return chat.request("POST", protocol::conversation_target("demo", opened.id, "handoff"), body,
                        {{"Authorization", "Bearer " + opened.token}});
}

} // namespace

TEST_CASE("chat bot: a question the FAQ answers gets the article, in the conversation's language",
          "[chat_api][chat_bot]") {
    ChatOnTheWire chat({}, store_help());
    const Opened opened = chat.open("demo", "he-IL"); // no he-IL articles: the Hebrew ones
    auto stream = chat.listen(opened);
    REQUIRE(chat.say(opened, "m-1", "איך מחזירים מוצר?").status == 201);

    CHECK(next_stored(*stream)["message"]["author"] == "shopper");
    const json answer = next_stored(*stream); // on the stream by the time the POST was answered
    CHECK(answer["seq"] == 2);
    CHECK(answer["message"]["author"] == "bot");
    CHECK(answer["message"]["article"] == "how-to-return");
    const std::string text = answer["message"]["text"];
    CHECK(text.rfind("איך מחזירים מוצר?\n\n", 0) == 0); // the title, then the matching part of the body
    CHECK(text.find("30 יום") != std::string::npos);    // as plain text: no Markdown stars
    CHECK(text.find("**") == std::string::npos);

    SECTION("a thanks leaves the bot quiet and the conversation with it") {
        REQUIRE(chat.say(opened, "m-2", "תודה!").status == 201);
        CHECK(next_stored(*stream)["seq"] == 3);
        CHECK_FALSE(stream->next_event(300ms));
        const HeaderList console = chat.sign_in();
        const auto listed =
            json::parse(chat.request("GET", "/api/v1/staff/conversations?state=bot", "", console).body);
        REQUIRE(listed["items"].size() == 1);
    }
    SECTION("a no hands the conversation to a person, saying nobody is online") {
        REQUIRE(chat.say(opened, "m-2", "לא").status == 201);
        CHECK(next_stored(*stream)["seq"] == 3);
        const json handoff = next_stored(*stream);
        CHECK(handoff["kind"] == "handed_off");
        CHECK(handoff["reason"] == "not_helpful");
        CHECK(handoff["staff_online"] == false);
    }
}

TEST_CASE("chat bot: what the FAQ does not answer goes to a person at once, who is online to take it",
          "[chat_api][chat_bot]") {
    ChatOnTheWire chat({}, store_help());
    const HeaderList console = chat.sign_in();
    auto inbox = std::make_unique<EventStreamClient>(chat.port(), "/api/v1/staff/inbox/events", console);
    REQUIRE(inbox->status() == 200); // Dana is online
    const Opened opened = chat.open("demo", "en");
    auto stream = chat.listen(opened);
    REQUIRE(chat.say(opened, "m-1", "my parcel arrived soaking wet").status == 201);
    CHECK(next_stored(*stream)["message"]["author"] == "shopper");
    const json handoff = next_stored(*stream);
    CHECK(handoff["kind"] == "handed_off");
    CHECK(handoff["reason"] == "bot_not_confident");
    CHECK(handoff["staff_online"] == true);
    const auto waiting = json::parse(chat.request("GET", "/api/v1/staff/conversations", "", console).body);
    REQUIRE(waiting["items"].size() == 1);
    CHECK(waiting["items"][0]["state"] == "waiting");

    // Once Dana has joined, a question the FAQ answers is hers to answer: the bot stays silent.
    REQUIRE(
        chat.request("POST", "/api/v1/staff/conversations/" + opened.id + "/join", "{}", console).status ==
        200);
    CHECK(next_stored(*stream)["kind"] == "agent_joined");
    REQUIRE(chat.say(opened, "m-2", "How long does delivery take?").status == 201);
    CHECK(next_stored(*stream)["message"]["author"] == "shopper");
    CHECK_FALSE(stream->next_event(300ms));
}

TEST_CASE("chat bot: asking for a person, typed or with the button, hands off once", "[chat_api][chat_bot]") {
    ChatOnTheWire chat({}, store_help());
    SECTION("typed, even beside a question the FAQ answers") {
        const Opened opened = chat.open("demo", "en");
        auto stream = chat.listen(opened);
        REQUIRE(chat.say(opened, "m-1", "can I talk to a person about my return?").status == 201);
        next_stored(*stream);
        const json handoff = next_stored(*stream);
        CHECK(handoff["kind"] == "handed_off");
        CHECK(handoff["reason"] == "shopper_asked");
    }
    SECTION("the button; pressed twice, the second is refused as already done") {
        const Opened opened = chat.open("demo", "en");
        const auto first = hand_off(chat, opened, R"({"reason":"shopper_asked"})");
        INFO(first.body);
        REQUIRE(first.status == 200);
        CHECK(json::parse(first.body)["kind"] == "handed_off");
        CHECK(json::parse(first.body)["staff_online"] == false);
        const auto again = hand_off(chat, opened, R"({"reason":"shopper_asked"})");
        CHECK(again.status == 409);
        CHECK(json::parse(again.body)["error"]["code"] == "chat.state.not_bot");
    }
    SECTION("a reason that is the bot's own, or none, is refused naming the field") {
        const Opened opened = chat.open("demo", "en");
        for (const char* body : {R"({"reason":"bot_not_confident"})", R"({"reason":"bored"})", "{}"}) {
            const auto refused = hand_off(chat, opened, body);
            CHECK(refused.status == 400);
            CHECK(json::parse(refused.body)["error"]["field"] == "/reason");
        }
        const Opened other = chat.open("demo", "en");
        CHECK(hand_off(chat, other, R"({"reason":"not_helpful"})").status == 200);
        CHECK(chat.request("POST", protocol::conversation_target("demo", other.id, "handoff"),
                           R"({"reason":"shopper_asked"})")
                  .status == 401);
    }
}

TEST_CASE("chat bot: the shopper's address for a reply is checked, kept and shown to staff",
          "[chat_api][chat_bot]") {
    ChatOnTheWire chat({}, store_help());
    const Opened opened = chat.open("demo", "en");
    REQUIRE(hand_off(chat, opened, R"({"reason":"shopper_asked"})").status == 200);
    const auto leave = [&](std::string_view body) {
        return chat.request("POST", protocol::conversation_target("demo", opened.id, "reply-email"), body,
                            {{"Authorization", "Bearer " + opened.token}});
    };
    const auto bad = leave(R"({"email":"noa at example"})");
    CHECK(bad.status == 400);
    CHECK(json::parse(bad.body)["error"]["code"] == "api.chat_reply_email.invalid_email");
    CHECK(json::parse(bad.body)["error"]["field"] == "/email");
    CHECK(leave(R"({"email":""})").status == 400);
    CHECK(leave(R"({"email":"noa@example.com"})").status == 204);

    const HeaderList console = chat.sign_in();
    const auto transcript =
        json::parse(chat.request("GET", "/api/v1/staff/conversations/" + opened.id, "", console).body);
    CHECK(transcript["conversation"]["reply_email"] == "noa@example.com");
}

TEST_CASE("chat bot: a message stored before a crash cut the bot's turn gets its answer when the widget "
          "sends it again, and only one",
          "[chat_api][chat_bot]") {
    ChatOnTheWire chat({}, store_help());
    const Opened opened = chat.open("demo", "en");
    // As the store holds it when the server died after the message's commit, before the bot's turn.
    ChatEventDraft stored;
    stored.conversation_id = opened.id;
    stored.event.message.client_id = "m-1";
    stored.event.message.text = "How long does delivery take?";
    stored.event.at_ms = 1;
    REQUIRE(chat.storage->append_chat_event(stored));

    for (int attempt = 0; attempt < 2; ++attempt) {
        const auto again = chat.say(opened, "m-1", "How long does delivery take?");
        CHECK(again.status == 200); // the outbox's repeat: acknowledged as before
    }
    const auto events = chat.storage->chat_events_after(opened.id, 0, 10).value();
    REQUIRE(events.size() == 2);
    CHECK(events[1].message.author == chat::Author::Bot);
    CHECK(events[1].message.article_id == "shipping-times");
}
