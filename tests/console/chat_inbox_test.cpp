#include "catch_amalgamated.hpp"

#include "console/model/chat_inbox.h"
#include "scripted_server.h"

using namespace support;
using namespace support::console;
using support::console::test::ScriptedServer;

namespace {

const std::string k_list = R"json({"items":[
  {"id":"c-1","site":"demo","state":"waiting","agent":"","locale":"he","page_url":"https://shop.example/cart",
   "reply_email":"noa@example.com","created_at_ms":1000,"updated_at_ms":60000,"last_seq":3,
   "context":{"page":{"url":"https://shop.example/cart","title":"העגלה","lang":"he","dir":"rtl"},"viewport":"phone",
              "product":{"name":"Trail Runner 2","sku":"NW-TR2","price":"129.00","currency":"USD"},
              "cart":{"item_count":2,"total":"239.80","currency":"USD"},"order":{"id":"1042","status":"shipped"},
              "custom":{"plan":"gold"},
              "journey":[{"kind":"page","subject":"/cart","detail":"העגלה","at_ms":0},
                         {"kind":"search","subject":"החזרה","detail":"no_result","at_ms":1},
                         {"kind":"article","subject":"how-to-return","detail":"How do I return an item?","at_ms":2},
                         {"kind":"feedback","subject":"how-to-return","detail":"not_helpful","at_ms":3},
                         {"kind":"guide","subject":"apply-coupon","detail":"left at step 2 (enter-code)","at_ms":4}]}},
  {"id":"c-2","site":"demo","state":"agent","agent":"Omar","locale":"en","page_url":"","reply_email":"",
   "created_at_ms":1000,"updated_at_ms":2000,"last_seq":5}],
  "online":[{"id":1,"email":"dana@shop.example"}]})json";

const std::string k_transcript = R"({"conversation":{"id":"c-1","site":"demo","state":"waiting","agent":"",
  "locale":"he","page_url":"https://shop.example/cart","reply_email":"noa@example.com","created_at_ms":1000,
  "updated_at_ms":60000,"last_seq":3},"events":[
  {"seq":1,"kind":"message","at_ms":10,"message":{"client_id":"s-1","author":"shopper","label":"","text":"איפה ההזמנה?","written_ms":9}},
  {"seq":2,"kind":"message","at_ms":11,"message":{"client_id":"bot-1","author":"bot","label":"","text":"How do I track my order?","written_ms":11,"article":"track-order"}},
  {"seq":3,"kind":"handed_off","at_ms":12,"reason":"not_helpful","staff_online":true}]})";

ChatInbox make_inbox(ScriptedServer& server, int& signed_out) {
    int n = 0;
    return ChatInbox(
        server.transport(), [] { return "tok"; }, [n]() mutable { return "r-" + std::to_string(++n); },
        [&signed_out] { ++signed_out; });
}

// The list read and its first chat opened; returns the transcript request.
StaffRequest open_first(ScriptedServer& server, ChatInbox& inbox) {
    inbox.refresh();
    server.answer(200, k_list);
    inbox.open(inbox.items()[0]);
    return server.answer(200, k_transcript);
}

} // namespace

TEST_CASE("console inbox: the chats that need a person, who is online, and how long they wait",
          "[console][inbox]") {
    ScriptedServer server;
    int signed_out = 0;
    ChatInbox inbox = make_inbox(server, signed_out);
    inbox.refresh();
    CHECK(server.answer(200, k_list).url == "/api/v1/staff/conversations");
    REQUIRE(inbox.items().size() == 2);
    CHECK(inbox.items()[0].reply_email == "noa@example.com");
    CHECK(inbox.items()[0].context.page_title == "העגלה");
    CHECK(inbox.items()[0].context.device == "phone");
    CHECK(inbox.items()[0].context.product == "Trail Runner 2, NW-TR2, 129.00 USD");
    CHECK(inbox.items()[0].context.cart == "2 items, 239.80 USD");
    CHECK(inbox.items()[0].context.order == "#1042, shipped");
    CHECK(inbox.items()[1].context.product.empty()); // a page that said nothing
    CHECK(inbox.items()[0].context.custom == std::vector<std::string>{"plan: gold"});
    CHECK(inbox.items()[0].context.page_language == "he, right to left");
    CHECK(inbox.items()[0].journey ==
          std::vector<std::string>{"Visited /cart (העגלה)", "Searched “החזרה” — nothing found",
                                   "Read “How do I return an item?”", "Said how-to-return did not help",
                                   "Guide apply-coupon: left at step 2 (enter-code)"});
    CHECK(inbox.waiting() == 1);
    CHECK(inbox.online() == std::vector<std::string>{"dana@shop.example"});
    CHECK(describe_chat(inbox.items()[0], 60000 + 3 * 60000) == "Waiting, last activity 3 min ago");
    CHECK(describe_chat(inbox.items()[1], 0) == "With Omar");
}

TEST_CASE("console inbox: changes while the list is on its way fetch it once more, not once each",
          "[console][inbox]") {
    ScriptedServer server;
    int signed_out = 0;
    ChatInbox inbox = make_inbox(server, signed_out);
    inbox.refresh();
    inbox.refresh(); // changes on the inbox stream
    inbox.refresh();
    CHECK(server.waiting() == 1);
    server.answer(200, k_list);
    CHECK(server.waiting() == 1); // the one more
    server.answer(401, R"({"error":{"code":"api.staff.not_signed_in"}})");
    CHECK(signed_out == 1);
}

TEST_CASE("console inbox: an open chat shows its transcript, then its stream; a gap reads it again",
          "[console][inbox]") {
    ScriptedServer server;
    int signed_out = 0;
    ChatInbox inbox = make_inbox(server, signed_out);
    CHECK(open_first(server, inbox).url == "/api/v1/staff/conversations/c-1");
    REQUIRE(inbox.transcript_loaded());
    REQUIRE(inbox.transcript().messages().size() == 2);
    CHECK(inbox.transcript().messages()[1].article_id == "track-order");
    CHECK(inbox.last_seq() == 3);

    inbox.take_event(R"({"seq":4,"kind":"agent_joined","at_ms":13,"agent":"Dana"})");
    CHECK(inbox.open_chat()->state == chat::ConversationState::Agent);
    inbox.take_event(R"({"seq":4,"kind":"agent_joined","at_ms":13,"agent":"Dana"})"); // a repeat: nothing
    CHECK(inbox.last_seq() == 4);
    inbox.take_event(R"({"seq":9,"kind":"closed","at_ms":20})"); // 5–8 missed
    CHECK(server.waiting() == 1);
    CHECK(server.next_request().url == "/api/v1/staff/conversations/c-1");
}

TEST_CASE("console inbox: joining and replying send the CSRF token; a reply shows as sending until the "
          "stream brings it, or with why it failed",
          "[console][inbox]") {
    ScriptedServer server;
    int signed_out = 0;
    ChatInbox inbox = make_inbox(server, signed_out);
    open_first(server, inbox);

    inbox.join();
    const StaffRequest join =
        server.answer(200, R"({"seq":4,"kind":"agent_joined","at_ms":13,"agent":"Dana"})");
    CHECK(join.url == "/api/v1/staff/conversations/c-1/join");
    CHECK(join.csrf_token == "tok");
    CHECK(inbox.status_message() == "You joined the chat.");
    server.answer(200, k_list); // the list, fetched again

    inbox.reply("   ");
    CHECK(server.waiting() == 0); // nothing to send
    inbox.reply("שלום, אני דנה");
    REQUIRE(inbox.outgoing().size() == 1);
    CHECK(inbox.outgoing()[0].client_id == "r-1");
    const StaffRequest sent =
        server.answer(201, R"({"client_id":"r-1","seq":5,"stored_ms":14,"duplicate":false})");
    CHECK(sent.url == "/api/v1/staff/conversations/c-1/messages");
    CHECK(sent.json_body.find("\"client_id\":\"r-1\"") != std::string::npos);
    CHECK(inbox.outgoing().size() == 1); // until the stream brings it
    inbox.take_event(R"({"seq":4,"kind":"agent_joined","at_ms":13,"agent":"Dana"})");
    inbox.take_event(
        R"({"seq":5,"kind":"message","at_ms":14,"message":{"client_id":"r-1","author":"agent","label":"Dana","text":"שלום, אני דנה","written_ms":0}})");
    CHECK(inbox.outgoing().empty());

    inbox.reply("Still there?");
    server.answer(409, R"({"error":{"code":"chat.state.closed","message":"the conversation is closed"}})");
    REQUIRE(inbox.outgoing().size() == 1);
    CHECK(inbox.outgoing()[0].error == "The conversation is closed."); // the server's words, as a sentence
}

TEST_CASE("console inbox: the agent typing reaches the shopper at most every three seconds",
          "[console][inbox]") {
    ScriptedServer server;
    int signed_out = 0;
    ChatInbox inbox = make_inbox(server, signed_out);
    open_first(server, inbox);
    inbox.typing(10'000);
    inbox.typing(11'000);
    REQUIRE(server.waiting() == 1);
    const StaffRequest sent = server.answer(204, "");
    CHECK(sent.url == "/api/v1/staff/conversations/c-1/typing");
    CHECK(sent.csrf_token == "tok");
    inbox.typing(13'100);
    CHECK(server.waiting() == 1);
}
