#pragma once
// A support conversation as the widget, the console and the server each hold it: its state, its
// messages in the server's order, and the shopper's messages the server has not acknowledged yet.
//
//   bot ──hand_off──▶ waiting ──agent_joined──▶ agent ──close──▶ closed (then a CSAT question)
//    └──────────────agent_joined──────────────────▲     any state but closed ──close──▶ closed
//
// Pure: no clock, no I/O. Times come in as arguments; what the server decided comes in as events
// (apply()), numbered per conversation from 1 without gaps, so a client that resumes its stream
// with Last-Event-ID after last_seq() gets exactly what it missed, and a repeated event changes
// nothing. Every operation that does not apply returns an error with a stable id and leaves the
// conversation as it was. The server runs the same transitions before it stores and numbers an
// event. Serialisable (conversation_json.h): a reload shows the same transcript.
//
//   Conversation chat;
//   SW_TRY(const ChatMessage* sent, chat.compose("c-1", "Where is my order?", now)); // pending
//   chat.mark_sent("c-1", 3, server_now);  // the POST's answer: stored as seq 3
//   SW_TRY(bool changed, chat.apply(event));   // the stream: messages, handoff, agent, close

#include "shared/core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::chat {

enum class ConversationState : std::uint8_t {
    Bot,     // the bot answers from the FAQ
    Waiting, // a person was asked for (by the shopper, or the bot was not confident)
    Agent,   // a person answers; the bot is silent
    Closed,  // nobody writes any more; the shopper may rate the help once
};

enum class Author : std::uint8_t { Shopper, Bot, Agent, System };

enum class DeliveryStatus : std::uint8_t {
    Pending, // written, not acknowledged by the server yet
    Sent,    // stored by the server: it has a seq
    Failed,  // the server refused it or could not be reached; Retry makes it pending again
};

// Names on the wire and in saved transcripts: "bot", "waiting", "agent", "closed"; "shopper", "bot",
// "agent", "system"; "pending", "sent", "failed".
std::string_view state_name(ConversationState state);
std::optional<ConversationState> state_from_name(std::string_view name);
std::string_view author_name(Author author);
std::optional<Author> author_from_name(std::string_view name);
std::string_view status_name(DeliveryStatus status);
std::optional<DeliveryStatus> status_from_name(std::string_view name);

inline constexpr std::size_t k_max_message_bytes = 4000;   // UTF-8 bytes of one message's text
inline constexpr std::size_t k_max_client_id_bytes = 64;   // a UUID fits with room to spare
inline constexpr std::size_t k_max_agent_name_bytes = 100; // as the shopper sees the person
inline constexpr std::size_t k_max_csat_comment_bytes = 1000;
inline constexpr std::size_t k_max_article_id_bytes = 64; // content/article.h's limit

// Text as a message or comment keeps it: without the white space around it.
std::string_view trim(std::string_view text);

// A client id: 1 to 64 ASCII letters, digits and - _ . : (a UUID, or "c-1" in a test).
bool is_client_id(std::string_view id);

struct ChatMessage {
    std::string client_id; // the writer's own id: the idempotency key, unique in a conversation
    std::uint64_t seq = 0; // the server's order; 0 until acknowledged
    Author author = Author::Shopper;
    std::string author_label; // an agent's name as the shopper sees it; empty for the others
    std::string text;
    std::string article_id;      // a bot's answer: the help article it gives (shown with "open article")
    std::int64_t written_ms = 0; // by the writer's clock
    std::int64_t stored_ms = 0;  // by the server's, once acknowledged
    DeliveryStatus status = DeliveryStatus::Sent;

    bool operator==(const ChatMessage&) const = default;
};

enum class HandoffReason : std::uint8_t {
    ShopperAsked,    // "talk to a person"
    NotHelpful,      // "no" to "did that answer your question?"
    BotNotConfident, // no answer in the FAQ good enough to give
};

// One event of the server's stream; its seq is the SSE event id.
struct ChatEvent {
    enum class Kind : std::uint8_t { Message, HandedOff, AgentJoined, Closed };
    std::uint64_t seq = 0;
    Kind kind = Kind::Message;
    ChatMessage message;     // Message: as stored (status Sent, its seq the event's)
    std::string agent_label; // AgentJoined: who
    HandoffReason reason = HandoffReason::ShopperAsked; // HandedOff
    bool staff_online =
        false;              // HandedOff: someone was online to answer (else the shopper may leave an email)
    std::int64_t at_ms = 0; // by the server's clock

    bool operator==(const ChatEvent&) const = default;
};

// A message event's message as stored: its seq the event's, stored at the event's time, sent. Every
// side that makes or reads an event (the store, the wire, apply()) fills these three from the event.
void stamp_stored(ChatEvent& event);

// Names on the wire and in the store: "message", "handed_off", "agent_joined", "closed";
// "shopper_asked", "not_helpful", "bot_not_confident".
std::string_view event_kind_name(ChatEvent::Kind kind);
std::optional<ChatEvent::Kind> event_kind_from_name(std::string_view name);
std::string_view handoff_reason_name(HandoffReason reason);
std::optional<HandoffReason> handoff_reason_from_name(std::string_view name);

// Why and how the conversation left the bot: what the shopper is told happens next.
struct Handoff {
    HandoffReason reason = HandoffReason::ShopperAsked;
    bool staff_online = false;

    bool operator==(const Handoff&) const = default;
};

struct Csat {
    int score = 0; // 1–5
    std::string comment;
    std::int64_t given_ms = 0;

    bool operator==(const Csat&) const = default;
};

class Conversation {
  public:
    ConversationState state() const { return m_state; }
    const std::string& agent_label() const { return m_agent_label; } // who joined last; empty before
    // Acknowledged messages in seq order, then the pending and failed ones in the order written.
    const std::vector<ChatMessage>& messages() const { return m_messages; }
    const ChatMessage* find(std::string_view client_id) const;
    // The last event applied: what Last-Event-ID says when the stream reconnects.
    std::uint64_t last_seq() const { return m_last_seq; }
    const std::optional<Csat>& csat() const { return m_csat; }
    // Set once a HandedOff event is applied (an agent may also join straight from the bot: none).
    const std::optional<Handoff>& handoff() const { return m_handoff; }

    // The shopper writes: the message is pending until the server acknowledges it. Errors:
    // chat.message.empty, chat.message.too_long, chat.message.invalid_utf8, chat.message.bad_client_id,
    // chat.message.duplicate_client_id, chat.state.closed. The text is kept as written but for
    // white space around it.
    Result<const ChatMessage*> compose(std::string client_id, std::string_view text, std::int64_t now_ms);
    // The server's answer to the POST: stored as `seq`. Errors: chat.message.unknown_client_id,
    // chat.message.seq_taken (another message has it).
    Result<void> mark_sent(std::string_view client_id, std::uint64_t seq, std::int64_t stored_ms);
    // The POST failed for good (refused, or out of retries). Errors: chat.message.unknown_client_id,
    // chat.message.not_pending.
    Result<void> mark_failed(std::string_view client_id);
    // Retry on a failed message: pending again, at the end. Errors: chat.message.unknown_client_id,
    // chat.message.not_failed, chat.state.closed.
    Result<void> retry(std::string_view client_id);
    // Drops the messages the server has not acknowledged (pending and failed): another tab's copy
    // taken over without the messages that tab is still sending itself.
    void drop_unacknowledged();

    // What the server decided, in its order. An event at or below last_seq() was applied already:
    // nothing changes (false). Errors leave everything as it was: chat.event.gap (seq is not
    // last_seq() + 1: reconnect from last_seq()), and those of the transition it carries.
    Result<bool> apply(const ChatEvent& event);

    // The transitions, as the server checks them before it numbers an event (and apply() runs).
    // hand_off: bot → waiting (chat.state.not_bot). agent_joined: bot or waiting → agent, or a
    // colleague taking over in agent (chat.state.closed, chat.agent.bad_label). close: any but closed
    // (chat.state.closed). add_stored: a message with its seq — a bot's only in bot, an agent's only
    // in agent (chat.state.bot_silent, chat.state.no_agent, chat.state.closed).
    Result<void> hand_off(HandoffReason reason);
    Result<void> agent_joined(std::string label);
    Result<void> close();
    Result<void> add_stored(ChatMessage message);

    // After close, once: 1–5 and an optional comment. Errors: chat.csat.not_closed,
    // chat.csat.already_given, chat.csat.bad_score, chat.csat.comment_too_long,
    // chat.csat.invalid_utf8.
    Result<void> rate(int score, std::string_view comment, std::int64_t now_ms);

    // For conversation_json.h: a conversation as it was saved (checked there).
    static Conversation restore(ConversationState state, std::string agent_label, std::uint64_t last_seq,
                                std::vector<ChatMessage> messages, std::optional<Csat> csat,
                                std::optional<Handoff> handoff = std::nullopt);

    bool operator==(const Conversation&) const = default;

  private:
    std::vector<ChatMessage>::iterator position_of(std::string_view client_id);
    bool seq_taken(std::uint64_t seq) const; // by an acknowledged message
    // Whether `message`, stored, may join the transcript now (its author may write in this state,
    // its client id is well formed, its seq is its own). Nothing changes.
    Result<void> check_storable(const ChatMessage& message) const;
    std::size_t first_unacknowledged() const;
    void insert_acknowledged(ChatMessage message);

    ConversationState m_state = ConversationState::Bot;
    std::string m_agent_label;
    std::uint64_t m_last_seq = 0;
    std::vector<ChatMessage> m_messages;
    std::optional<Csat> m_csat;
    std::optional<Handoff> m_handoff;
};

} // namespace support::chat
