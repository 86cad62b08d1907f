#pragma once
// The shopper's conversation as the widget holds it: the model (shared/core/chat), the requests
// that open it and send what the shopper writes, and the live stream that brings everything the
// server decided — the bot's answers, a handoff, the agent, their typing, the close.
//
// What the shopper writes is kept at once (pending, in localStorage with the transcript), sent one
// message at a time in the order written, and sent again with backoff while the server cannot be
// reached (the server stores a client id once, so a repeat is harmless): nothing typed is lost to
// a dropped connection or a reload. A message the server refuses for good is failed, with Retry.
// The stream resumes from the last event applied (Last-Event-ID), so after a reconnect nothing is
// missed or doubled; an event that skips a number reopens it from there.
//
// The conversation is opened on the server with the first message, not when the chat view is shown.
//
// One live connection per browser: the conversation's id, token and what was seen are in the
// session (widget/session_sync.h), so every tab of the site follows the same conversation; only the
// leading tab (web::TabLeader) holds its stream, and relays each event to the others over the
// "chat-relay" channel. A tab that lacks events (it just followed the conversation, or an event
// skipped a number) asks the leader for its transcript. When the leader closes, the next tab leads
// and opens the stream after the last event it applied, so nothing is missed.

#include "shared/core/chat/conversation.h"
#include "shared/core/persistence/key_value_store.h"
#include "shared/core/protocol/context_snapshot.h"
#include "shared/core/protocol/journey_wire.h"
#include "shared/web/event_stream.h"
#include "shared/web/tab_channel.h"
#include "shared/web/tab_leader.h"
#include "widget/session_sync.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace support::widget {

enum class ChatLink : std::uint8_t {
    Idle,        // no conversation yet, or it is closed: nothing to listen to
    Connecting,  // the stream is (re)connecting
    Live,        // the stream is open
    Interrupted, // the stream was refused or the network is gone: trying again
};

class ChatSession {
  public:
    ChatSession(persistence::KeyValueStore& storage, SessionSync& session)
        : m_storage(storage), m_session(session) {}

    // Where the server is and who the shopper is talking to; then the saved conversation (if any)
    // comes back and its stream reopens, so the launcher's badge counts what arrives meanwhile.
    void start(std::string server, std::string site);
    // Called when the unread count changes (for the launcher's badge).
    void on_unread_changed(std::function<void(int)> callback) { m_on_unread = std::move(callback); }
    // Called for each message from the bot or a person as it arrives (not for what was there before).
    void on_message(std::function<void(const chat::ChatMessage&)> callback) {
        m_on_message = std::move(callback);
    }

    // The shopper writes. Opens the conversation first when there is none, in `locale`, with what
    // the page knows (`context`: staff see it beside the transcript). Errors: the model's
    // (chat.message.empty, too_long, …; chat.state.closed).
    Result<void> send(std::string_view text, const std::string& locale,
                      const protocol::ContextSnapshot& context,
                      const std::vector<protocol::JourneyStep>& journey);
    void retry(const std::string& client_id);
    // "Talk to a person", or "No" to the bot's "did that answer your question?".
    void hand_off(chat::HandoffReason reason);
    // Where staff reply when nobody was online. Errors: chat.reply_email.invalid.
    Result<void> leave_reply_email(std::string_view email);
    // The shopper is typing (sent at most every few seconds).
    void typing();
    // After a close: the rating, kept with the transcript. Errors: the model's (chat.csat.*).
    Result<void> rate(int score, std::string_view comment);
    // A fresh conversation after a closed one.
    void start_over();
    // SupportWidget('forget'): the conversation, its transcript and what was not sent are dropped
    // here (the server deletes its copy), its stream closed; nothing is told to the other tabs.
    void forget();
    // Another tab opened a conversation, started over, or saw messages: this tab follows.
    void follow(const std::optional<session::ChatAt>& at);

    // Whether the shopper can see the transcript now (panel open on the chat view): what arrives
    // then is read.
    void set_watching(bool watching);

    bool started() const { return !m_id.empty(); }
    const std::string& id() const { return m_id; }
    const chat::Conversation& conversation() const { return m_chat; }
    ChatLink link() const { return m_link; }
    int unread() const;
    // The agent's name while they are typing (a notice is fresh for a few seconds); empty otherwise.
    std::string typist() const;
    const std::string& reply_email() const { return m_reply_email; }
    // A handoff asked for and not answered yet (the button pressed, the answer on its way).
    bool handoff_pending() const { return m_handoff_pending; }
    // The most recent message from the bot or a person, for screen readers ("Dana: …"); its seq.
    const chat::ChatMessage* newest_incoming() const;

    // For SupportWidget('debug') and tests.
    nlohmann::json debug_json() const;

  private:
    std::string conversations_url() const;
    std::string conversation_url(std::string_view part) const;
    std::string authorization() const { return "Bearer " + m_token; }
    void restore();
    void save();
    void open_conversation();
    void pump();   // sends the next pending message, if none is on its way
    void listen(); // (re)opens the stream after the last event applied
    // One event of the stream (its type: "message", "typing"), from this tab's or the leader's.
    void take_stream_event(const std::string& type, const std::string& data);
    void apply(const chat::ChatEvent& event);
    void resend_later();
    void relisten_later();
    void notify_unread();
    // The session's view of this conversation, written when it changes.
    void publish();
    void relay(const std::string& kind, const nlohmann::json& fields);
    void take_relayed(std::string_view text);
    void take_snapshot(const std::string& transcript);
    void forget_locally(); // start_over without telling the other tabs (they did)

    persistence::KeyValueStore& m_storage;
    SessionSync& m_session;
    web::TabLeader m_leader;
    web::TabChannel m_relay;
    std::string m_server;
    std::string m_site;
    std::string m_id;
    std::string m_token;
    std::string m_start; // the body that opens the conversation: locale, the page's context, the journey
    chat::Conversation m_chat;
    std::uint64_t m_seen_seq = 0; // incoming messages up to this seq were seen
    std::string m_reply_email;
    ChatLink m_link = ChatLink::Idle;
    web::EventStream m_stream;
    std::uint32_t m_generation = 0; // bumped by start_over: answers to older requests are dropped
    bool m_opening = false;
    bool m_sending = false;
    bool m_resend_scheduled = false;
    bool m_handoff_pending = false;
    int m_send_failures = 0;
    int m_stream_failures = 0;
    bool m_watching = false;
    std::int64_t m_typist_until_ms = 0;
    std::string m_typist;
    std::int64_t m_last_typing_sent_ms = 0;
    int m_last_unread_told = -1;
    std::function<void(int)> m_on_unread;
    std::function<void(const chat::ChatMessage&)> m_on_message;
};

} // namespace support::widget
