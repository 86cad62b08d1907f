#pragma once
// The console's Inbox: the chats that need a person (waiting for one, or with an agent), most
// recently active first, with who of the staff is online; and the chat open beside the list — its
// transcript, joining, replying and closing. The list is fetched again when the inbox stream says a
// conversation changed; the open chat takes its own stream's events (the app holds both streams).
//
//   inbox.refresh();                        // GET /api/v1/staff/conversations
//   inbox.open(inbox.items()[0]);           // GET …/conversations/{id}: the transcript
//   inbox.take_event(data);                 // an event of the open chat's stream
//   inbox.join(); inbox.reply("Hi!"); inbox.close_chat();

#include "console/model/context_facts.h"
#include "console/model/staff_transport.h"
#include "shared/core/chat/conversation.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace support::console {

struct InboxChat {
    std::string id;
    std::string site;
    chat::ConversationState state = chat::ConversationState::Waiting;
    std::string agent; // who joined last; "" before
    std::string locale;
    std::string page_url;
    std::string reply_email;
    ContextFacts context; // what the page and the site knew when the chat began
    // What the shopper tried before, oldest first: "Searched “refund” — nothing found", "Read “How do
    // I return an item?”", "Said how-to-return did not help", "Guide apply-coupon: left at step 2".
    std::vector<std::string> journey;
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;
    std::uint64_t last_seq = 0;

    bool operator==(const InboxChat&) const = default;
};

// A reply on its way: shown as sending until the stream brings it back, or with why it failed.
struct OutgoingReply {
    std::string client_id;
    std::string text;
    std::string error;
};

class ChatInbox {
  public:
    // `new_client_id` makes the idempotency key of each reply (a UUID in the browser).
    ChatInbox(StaffTransport transport, std::function<std::string()> csrf_token,
              std::function<std::string()> new_client_id, std::function<void()> on_signed_out);

    // Fetches the list; called again while a fetch is on its way (changes on the inbox stream), it
    // fetches once more after it, however many calls arrive meanwhile.
    void refresh();
    const std::vector<InboxChat>& items() const { return m_items; }
    const std::vector<std::string>& online() const { return m_online; }
    std::size_t waiting() const;
    bool loading() const { return m_loading; }
    const std::string& error() const { return m_error; }

    void open(const InboxChat& chat);
    void close_view();
    const std::optional<InboxChat>& open_chat() const { return m_open; }
    const chat::Conversation& transcript() const { return m_transcript; }
    bool transcript_loaded() const { return m_loaded; }
    // The open chat's stream event ("data:" of one Server-Sent Event). A gap reloads the transcript.
    void take_event(const std::string& data);
    // Where the open chat's stream resumes (its Last-Event-ID).
    std::uint64_t last_seq() const { return m_transcript.last_seq(); }

    void join();
    void reply(const std::string& text);
    // The agent is typing in the reply box: the shopper sees it (sent at most every 3 s).
    void typing(std::int64_t now_ms);
    void close_chat();
    const std::vector<OutgoingReply>& outgoing() const { return m_outgoing; }
    // What the last action came to ("Joined.", the server's refusal), for the pane's status line.
    const std::string& status_message() const { return m_status; }

  private:
    void load_transcript();
    void post(const std::string& part, const std::string& body, std::string done_message);
    bool signed_out(const StaffAnswer& answer);

    StaffTransport m_transport;
    std::function<std::string()> m_csrf_token;
    std::function<std::string()> m_new_client_id;
    std::function<void()> m_on_signed_out;
    std::vector<InboxChat> m_items;
    std::vector<std::string> m_online;
    bool m_loading = false;
    bool m_again = false; // a change arrived while the list was on its way
    std::string m_error;
    std::optional<InboxChat> m_open;
    chat::Conversation m_transcript;
    bool m_loaded = false;
    std::uint64_t m_view = 0; // bumped when another chat opens: older answers are dropped
    std::vector<OutgoingReply> m_outgoing;
    std::int64_t m_typing_sent_ms = 0;
    std::string m_status;
};

// "Waiting, last activity 3 min ago", "With Dana": what the list says about a chat at `now_ms`.
std::string describe_chat(const InboxChat& chat, std::int64_t now_ms);

} // namespace support::console
