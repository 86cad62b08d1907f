// Chat over the wire: the real route table, SQLite store, worker pool and HttpServer on loopback;
// shoppers and staff talk through HTTP requests and Server-Sent Event streams as the widget and
// the console do.

#include "catch_amalgamated.hpp"

#include "chat_on_the_wire.h"
#include "shared/core/protocol/api_paths.h"

#include <nlohmann/json.hpp>

using namespace support;
using namespace support::server;
using namespace support::server::test;
using namespace std::chrono_literals;
using nlohmann::json;

TEST_CASE("chat: a shopper opens a conversation, writes, and the stream shows the message once",
          "[chat_api]") {
    ChatOnTheWire chat;
    const Opened opened = chat.open();
    CHECK(opened.id.size() == 22);
    CHECK(opened.token.size() == 43);
    auto stream = chat.listen(opened);
    REQUIRE(stream->status() == 200);
    CHECK(stream->header("Content-Type") == "text/event-stream; charset=utf-8");

    const auto first = chat.say(opened, "m-1", "  איפה ההזמנה שלי?  ");
    INFO(first.body);
    REQUIRE(first.status == 201);
    const auto receipt = json::parse(first.body);
    CHECK(receipt.at("seq") == 1);
    CHECK(receipt.at("duplicate") == false);

    const auto event = stream->next_event(2s);
    REQUIRE(event);
    CHECK(event->id == "1");
    const auto message = data_of(event).at("message");
    CHECK(message.at("text") == "איפה ההזמנה שלי?"); // kept without the space around it
    CHECK(message.at("author") == "shopper");

    // The same POST again (a retry after a lost answer): the first answer, nothing new on the stream.
    const auto again = chat.say(opened, "m-1", "  איפה ההזמנה שלי?  ");
    CHECK(again.status == 200);
    CHECK(json::parse(again.body).at("seq") == 1);
    CHECK(json::parse(again.body).at("duplicate") == true);
    CHECK_FALSE(stream->next_event(300ms));
    // The same client id with other words is a client's mistake, not a retry.
    CHECK(chat.say(opened, "m-1", "something else").status == 409);
}

TEST_CASE("chat: a card number or password in a shopper's message is masked before it is stored or shown",
          "[chat_api]") {
    ChatOnTheWire chat;
    const Opened opened = chat.open();
    auto stream = chat.listen(opened);
    const auto said = chat.say(opened, "m-1", "charged twice on 4111 1111 1111 1111, password: hunter2");
    REQUIRE(said.status == 201);
    const auto event = stream->next_event(2s);
    REQUIRE(event);
    CHECK(data_of(event).at("message").at("text") == "charged twice on [card …1111], password: [hidden]");
    // A retry of the same words is still the same message (compared after masking).
    CHECK(chat.say(opened, "m-1", "charged twice on 4111 1111 1111 1111, password: hunter2").status == 200);
}

TEST_CASE("chat: the token opens the conversation; the id alone does not", "[chat_api]") {
    ChatOnTheWire chat;
    const Opened mine = chat.open();
    const Opened theirs = chat.open();
    const std::string target = protocol::conversation_target("demo", mine.id, "messages");
    const json body = {{"client_id", "m-1"}, {"text", "hi"}, {"written_ms", 1}};

    const auto without = chat.request("POST", target, body.dump());
    CHECK(without.status == 401);
    CHECK(json::parse(without.body)["error"]["code"] == "api.chat.token_missing");
    const auto wrong = chat.say(mine, "m-1", "hi", theirs.token);
    CHECK(wrong.status == 403);
    CHECK(json::parse(wrong.body)["error"]["code"] == "api.chat.token_wrong");
    // Another site's path with the right token and id: no such conversation there.
    const auto elsewhere = chat.request("POST", protocol::conversation_target("other", mine.id, "messages"),
                                        body.dump(), {{"Authorization", "Bearer " + mine.token}});
    CHECK(elsewhere.status == 404);
    EventStreamClient anonymous(chat.port(), protocol::conversation_target("demo", mine.id, "events"));
    CHECK(anonymous.status() == 401);
    EventStreamClient with_query(chat.port(), protocol::conversation_target("demo", mine.id, "events") +
                                                  "?token=" + mine.token);
    CHECK(with_query.status() == 200); // EventSource sends the token in the query
}

TEST_CASE("chat: a stream resumed with Last-Event-ID gets exactly what it missed, in order", "[chat_api]") {
    ChatOnTheWire chat;
    const Opened opened = chat.open();
    for (int n = 1; n <= 5; ++n)
        REQUIRE(chat.say(opened, "m-" + std::to_string(n), "message " + std::to_string(n)).status == 201);

    auto resumed = chat.listen(opened, {{"Last-Event-ID", "2"}});
    REQUIRE(resumed->status() == 200);
    for (int seq = 3; seq <= 5; ++seq) {
        const auto event = resumed->next_event(2s);
        REQUIRE(event);
        CHECK(event->id == std::to_string(seq));
        CHECK(data_of(event)["message"]["text"] == "message " + std::to_string(seq));
    }
    CHECK_FALSE(resumed->next_event(300ms));
    // Live from there on, with the next seq.
    REQUIRE(chat.say(opened, "m-6", "message 6").status == 201);
    const auto live = resumed->next_event(2s);
    REQUIRE(live);
    CHECK(live->id == "6");

    // A reloaded page's first connection says where it was in the query.
    EventStreamClient from_query(chat.port(), protocol::conversation_target("demo", opened.id, "events") +
                                                  "?token=" + opened.token + "&last_event_id=5");
    const auto sixth = from_query.next_event(2s);
    REQUIRE(sixth);
    CHECK(sixth->id == "6");
    auto bad = chat.listen(opened, {{"Last-Event-ID", "five"}});
    CHECK(bad->status() == 400);

    // A client ahead of the conversation (it kept numbers from elsewhere) still gets what comes next.
    auto ahead = chat.listen(opened, {{"Last-Event-ID", "99"}});
    REQUIRE(ahead->status() == 200);
    CHECK_FALSE(ahead->next_event(200ms));
    REQUIRE(chat.say(opened, "m-7", "message 7").status == 201);
    const auto seventh = ahead->next_event(2s);
    REQUIRE(seventh);
    CHECK(seventh->id == "7");
}

TEST_CASE("chat: messages are rate limited per conversation, with Retry-After", "[chat_api]") {
    ChatLimits limits;
    limits.messages_per_conversation = {.burst = 3, .per_minute = 1};
    ChatOnTheWire chat(limits);
    const Opened opened = chat.open();
    for (int n = 1; n <= 3; ++n)
        CHECK(chat.say(opened, "m-" + std::to_string(n), "hi").status == 201);
    const auto refused = chat.say(opened, "m-4", "hi");
    CHECK(refused.status == 429);
    CHECK_FALSE(refused.header("Retry-After").empty());
    // Another conversation is not held back by this one.
    CHECK(chat.say(chat.open(), "m-1", "hi").status == 201);
}

TEST_CASE("chat: conversations opened per client address are rate limited", "[chat_api]") {
    ChatLimits limits;
    limits.conversations_per_client_ip = {.burst = 2, .per_minute = 1};
    ChatOnTheWire chat(limits);
    chat.open();
    chat.open();
    CHECK(chat.request("POST", protocol::conversations_target("demo"), R"({"locale":"en"})").status == 429);
}

TEST_CASE("chat: a store page on an allowed origin may chat; another origin may not", "[chat_api]") {
    ChatOnTheWire chat;
    const auto allowed = chat.request("POST", protocol::conversations_target("demo"), R"({"locale":"en"})",
                                      {{"Origin", k_store_origin}});
    CHECK(allowed.status == 201);
    CHECK(allowed.header("Access-Control-Allow-Origin") == k_store_origin);
    const auto preflight =
        chat.request("OPTIONS", protocol::conversation_target("demo", "x", "events"), "",
                     {{"Origin", k_store_origin}, {"Access-Control-Request-Method", "GET"}});
    CHECK(preflight.status == 204);
    CHECK(preflight.header("Access-Control-Allow-Headers").find("Last-Event-ID") != std::string_view::npos);
    const auto foreign = chat.request("POST", protocol::conversations_target("demo"), R"({"locale":"en"})",
                                      {{"Origin", "https://evil.example"}});
    CHECK(foreign.status == 403);
    CHECK(foreign.header("Access-Control-Allow-Origin").empty());
}

TEST_CASE("chat: bad requests are refused naming the field", "[chat_api]") {
    ChatOnTheWire chat;
    const auto bad_locale = chat.request("POST", protocol::conversations_target("demo"), R"({"locale":7})");
    CHECK(bad_locale.status == 400);
    CHECK(json::parse(bad_locale.body)["error"]["field"] == "/locale");
    const Opened opened = chat.open();
    const auto too_long = chat.say(opened, "m-1", std::string(4001, 'a'));
    CHECK(too_long.status == 400);
    CHECK(json::parse(too_long.body)["error"]["code"] == "api.chat_message.too_long");
    const auto huge = chat.say(opened, "m-2", std::string(20'000, 'a'));
    CHECK(huge.status == 413);
    CHECK(chat.request("GET", protocol::conversations_target("demo")).status == 405);
    CHECK(chat.request("POST", protocol::conversations_target("nowhere"), R"({"locale":"en"})").status ==
          404);
}

TEST_CASE("chat: an agent joins, replies and closes; the shopper sees each live, and each side sees the "
          "other typing",
          "[chat_api]") {
    ChatOnTheWire chat;
    const Opened opened = chat.open();
    REQUIRE(chat.say(opened, "m-1", "Where is my order?").status == 201);
    auto shopper = chat.listen(opened, {{"Last-Event-ID", "1"}});
    const HeaderList console = chat.sign_in();
    const std::string base = "/api/v1/staff/conversations/" + opened.id;

    // Replying before joining is refused: the conversation has no agent yet.
    const json reply = {{"client_id", "a-1"}, {"text", "Hi, I'm Dana. Let me look."}, {"written_ms", 1}};
    const auto early = chat.request("POST", base + "/messages", reply.dump(), console);
    CHECK(early.status == 409);
    CHECK(json::parse(early.body)["error"]["code"] == "chat.state.no_agent");

    const auto joined = chat.request("POST", base + "/join", "", console);
    INFO(joined.body);
    REQUIRE(joined.status == 200);
    CHECK(json::parse(joined.body)["agent"] == "Dana");
    auto agent_stream = std::make_unique<EventStreamClient>(chat.port(), base + "/events", console);
    REQUIRE(agent_stream->status() == 200);
    for (int seq = 1; seq <= 2; ++seq) // the transcript so far
        CHECK(agent_stream->next_event(2s)->id == std::to_string(seq));

    CHECK(chat.request("POST", protocol::conversation_target("demo", opened.id, "typing"), "",
                       {{"Authorization", "Bearer " + opened.token}})
              .status == 204);
    const auto shopper_typing = agent_stream->next_event(2s);
    REQUIRE(shopper_typing);
    CHECK(shopper_typing->type == "typing");
    CHECK(shopper_typing->id.empty());

    CHECK(chat.request("POST", base + "/typing", "", console).status == 204);
    CHECK(chat.request("POST", base + "/messages", reply.dump(), console).status == 201);
    CHECK(chat.request("POST", base + "/close", "", console).status == 200);

    const auto agent_joined = shopper->next_event(2s);
    REQUIRE(agent_joined);
    CHECK(data_of(agent_joined)["kind"] == "agent_joined");
    const auto agent_typing = shopper->next_event(2s);
    REQUIRE(agent_typing);
    CHECK(agent_typing->type == "typing");
    CHECK(data_of(agent_typing)["label"] == "Dana");
    const auto answer = shopper->next_event(2s);
    REQUIRE(answer);
    CHECK(answer->id == "3");
    CHECK(data_of(answer)["message"]["label"] == "Dana");
    const auto closed = shopper->next_event(2s);
    REQUIRE(closed);
    CHECK(data_of(closed)["kind"] == "closed");

    const auto after_close = chat.say(opened, "m-2", "Thanks!");
    CHECK(after_close.status == 409);
    CHECK(json::parse(after_close.body)["error"]["code"] == "chat.state.closed");

    const auto transcript = chat.request("GET", base, "", console);
    REQUIRE(transcript.status == 200);
    const auto body = json::parse(transcript.body);
    CHECK(body["conversation"]["state"] == "closed");
    CHECK(body["conversation"]["page_url"] == "https://shop.example/cart");
    CHECK(body["events"].size() == 4);
    CHECK_FALSE(body["conversation"].contains("token_digest"));
}

TEST_CASE("chat: the inbox lists conversations that need a person, shows who is online and streams "
          "changes",
          "[chat_api]") {
    ChatOnTheWire chat;
    const Opened opened = chat.open();
    const HeaderList console = chat.sign_in();

    CHECK(
        json::parse(chat.request("GET", "/api/v1/staff/conversations", "", console).body)["online"].empty());
    auto inbox = std::make_unique<EventStreamClient>(chat.port(), "/api/v1/staff/inbox/events", console);
    REQUIRE(inbox->status() == 200);
    const auto listed = json::parse(chat.request("GET", "/api/v1/staff/conversations", "", console).body);
    REQUIRE(listed["online"].size() == 1);
    CHECK(listed["online"][0]["email"] == "dana.levi@shop.example");
    CHECK(listed["items"].empty()); // the bot has it
    const auto with_bot =
        json::parse(chat.request("GET", "/api/v1/staff/conversations?state=bot", "", console).body);
    REQUIRE(with_bot["items"].size() == 1);
    CHECK(with_bot["items"][0]["id"] == opened.id);
    CHECK(chat.request("GET", "/api/v1/staff/conversations?state=asleep", "", console).status == 400);

    REQUIRE(chat.say(opened, "m-1", "hello?").status == 201);
    const auto change = inbox->next_event(2s);
    REQUIRE(change);
    CHECK(change->type == "conversation");
    CHECK(data_of(change)["id"] == opened.id);
    CHECK(data_of(change)["seq"] == 1);

    REQUIRE(chat.request("POST", "/api/v1/staff/conversations/" + opened.id + "/join", R"({"label":"דנה"})",
                         console)
                .status == 200);
    const auto mine = json::parse(chat.request("GET", "/api/v1/staff/conversations", "", console).body);
    REQUIRE(mine["items"].size() == 1);
    CHECK(mine["items"][0]["state"] == "agent");
    CHECK(mine["items"][0]["agent"] == "דנה");

    inbox.reset(); // the console closed
    bool gone = false;
    for (int i = 0; i < 200 && !gone; ++i) {
        gone = json::parse(chat.request("GET", "/api/v1/staff/conversations", "", console).body)["online"]
                   .empty();
        if (!gone)
            std::this_thread::sleep_for(10ms);
    }
    CHECK(gone);
    // Without a session nothing is shown.
    CHECK(chat.request("GET", "/api/v1/staff/conversations").status == 401);
}

TEST_CASE("chat: the default agent label is the address's first name, capitalised", "[chat_api]") {
    CHECK(default_agent_label("dana.levi@shop.example") == "Dana");
    CHECK(default_agent_label("omar@shop.example") == "Omar");
    CHECK(default_agent_label("@x") == "Support");
}

TEST_CASE("chat: what the page knew and what the shopper tried when the chat began are kept and shown to "
          "staff, the page's query string dropped",
          "[chat_api]") {
    ChatOnTheWire chat;
    const json start = {
        {"locale", "he"},
        {"context",
         {{"page", {{"url", "https://shop.example/product?utm=x&email=a@b.c"}, {"title", "נעל ריצה"}}},
          {"viewport", "phone"},
          {"product", {{"name", "Trail Runner 2"}, {"sku", "NW-TR2"}, {"price", "129.00"}}},
          {"cart", {{"item_count", 2}, {"total", "239.80"}, {"currency", "USD"}}}}},
        {"journey",
         json::array({json{{"kind", "search"}, {"subject", "החזרה"}, {"detail", "no_result"}, {"at_ms", 1}},
                      json{{"kind", "article"}, {"subject", "how-to-return"}, {"at_ms", 2}}})}};
    const auto opened = chat.request("POST", protocol::conversations_target("demo"), start.dump());
    REQUIRE(opened.status == 201);
    const std::string id = json::parse(opened.body).at("id");
    const HeaderList console = chat.sign_in();
    const auto transcript =
        json::parse(chat.request("GET", "/api/v1/staff/conversations/" + id, "", console).body);
    const json& context = transcript["conversation"]["context"];
    CHECK(context["page"]["url"] == "https://shop.example/product");
    CHECK(context["page"]["title"] == "נעל ריצה");
    CHECK(context["viewport"] == "phone");
    CHECK(context["product"]["sku"] == "NW-TR2");
    CHECK(context["cart"]["item_count"] == 2);
    REQUIRE(context["journey"].size() == 2);
    CHECK(context["journey"][0]["subject"] == "החזרה");
    CHECK(context["journey"][1]["kind"] == "article");

    // A context the wire does not allow is refused naming the field, and nothing is opened.
    const auto bad = chat.request("POST", protocol::conversations_target("demo"),
                                  R"({"locale":"he","context":{"viewport":"fridge"}})");
    CHECK(bad.status == 400);
    CHECK(json::parse(bad.body)["error"]["field"] == "/context/viewport");
    const auto bad_step =
        chat.request("POST", protocol::conversations_target("demo"),
                     R"({"locale":"he","journey":[{"kind":"teleport","subject":"x","at_ms":1}]})");
    CHECK(bad_step.status == 400);
    CHECK(json::parse(bad_step.body)["error"]["field"] == "/journey/0/kind");
}
