#include "shared/core/chat/conversation.h"

#include "shared/core/text/utf8.h"

#include <algorithm>
#include <array>
#include <utility>

namespace support::chat {

namespace {

constexpr std::array<std::string_view, 4> k_state_names = {"bot", "waiting", "agent", "closed"};
constexpr std::array<std::string_view, 4> k_author_names = {"shopper", "bot", "agent", "system"};
constexpr std::array<std::string_view, 3> k_status_names = {"pending", "sent", "failed"};
constexpr std::array<std::string_view, 4> k_event_kind_names = {"message", "handed_off", "agent_joined",
                                                                "closed"};
constexpr std::array<std::string_view, 3> k_reason_names = {"shopper_asked", "not_helpful",
                                                            "bot_not_confident"};

template <typename Enum, std::size_t N>
std::optional<Enum> from_name(const std::array<std::string_view, N>& names, std::string_view name) {
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == name)
            return static_cast<Enum>(i);
    return std::nullopt;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_space(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
        text.remove_suffix(1);
    return text;
}

namespace {

Error closed_error() {
    return make_error("chat.state.closed", "the conversation is closed");
}

Error unknown_client_id(std::string_view id) {
    return make_error("chat.message.unknown_client_id",
                      "no message has the client id \"" + std::string(id) + "\"", "client_id");
}

Error bad_client_id() {
    return make_error("chat.message.bad_client_id",
                      "a client id is 1 to 64 letters, digits and - _ . : (a UUID)", "client_id");
}

Error seq_taken_error(std::uint64_t seq) {
    return make_error("chat.message.seq_taken", "another message has seq " + std::to_string(seq), "seq");
}

// Whether a message by `author` may be stored in `state`: the bot speaks only until a person is
// asked for, an agent only once one has joined, the shopper until the end, the system always.
Result<void> author_may_write(Author author, ConversationState state) {
    if (author == Author::System)
        return ok();
    if (state == ConversationState::Closed)
        return closed_error();
    if (author == Author::Bot && state != ConversationState::Bot)
        return make_error("chat.state.bot_silent", "the bot is silent once a person is asked for");
    if (author == Author::Agent && state != ConversationState::Agent)
        return make_error("chat.state.no_agent", "no agent has joined the conversation");
    return ok();
}

} // namespace

bool is_client_id(std::string_view id) {
    if (id.empty() || id.size() > k_max_client_id_bytes)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_' || c == '.' || c == ':';
    });
}

std::string_view state_name(ConversationState state) {
    return k_state_names[static_cast<std::size_t>(state)];
}
std::optional<ConversationState> state_from_name(std::string_view name) {
    return from_name<ConversationState>(k_state_names, name);
}
std::string_view author_name(Author author) {
    return k_author_names[static_cast<std::size_t>(author)];
}
std::optional<Author> author_from_name(std::string_view name) {
    return from_name<Author>(k_author_names, name);
}
std::string_view status_name(DeliveryStatus status) {
    return k_status_names[static_cast<std::size_t>(status)];
}
std::optional<DeliveryStatus> status_from_name(std::string_view name) {
    return from_name<DeliveryStatus>(k_status_names, name);
}

std::string_view event_kind_name(ChatEvent::Kind kind) {
    return k_event_kind_names[static_cast<std::size_t>(kind)];
}
std::optional<ChatEvent::Kind> event_kind_from_name(std::string_view name) {
    return from_name<ChatEvent::Kind>(k_event_kind_names, name);
}
std::string_view handoff_reason_name(HandoffReason reason) {
    return k_reason_names[static_cast<std::size_t>(reason)];
}
std::optional<HandoffReason> handoff_reason_from_name(std::string_view name) {
    return from_name<HandoffReason>(k_reason_names, name);
}

void stamp_stored(ChatEvent& event) {
    event.message.seq = event.seq;
    event.message.stored_ms = event.at_ms;
    event.message.status = DeliveryStatus::Sent;
}

std::vector<ChatMessage>::iterator Conversation::position_of(std::string_view client_id) {
    return std::find_if(m_messages.begin(), m_messages.end(),
                        [&](const ChatMessage& m) { return m.client_id == client_id; });
}

const ChatMessage* Conversation::find(std::string_view client_id) const {
    const auto it = std::find_if(m_messages.begin(), m_messages.end(),
                                 [&](const ChatMessage& m) { return m.client_id == client_id; });
    return it == m_messages.end() ? nullptr : &*it;
}

bool Conversation::seq_taken(std::uint64_t seq) const {
    return std::any_of(m_messages.begin(), m_messages.end(), [&](const ChatMessage& m) {
        return m.status == DeliveryStatus::Sent && m.seq == seq;
    });
}

Result<void> Conversation::check_storable(const ChatMessage& message) const {
    SW_TRY_VOID(author_may_write(message.author, m_state));
    if (message.seq == 0)
        return make_error("chat.message.no_seq", "a stored message has a seq", "seq");
    if (!is_client_id(message.client_id))
        return bad_client_id();
    if (seq_taken(message.seq))
        return seq_taken_error(message.seq);
    if (!message.article_id.empty() && message.author != Author::Bot)
        return make_error("chat.message.article_not_bot", "only the bot's answers give an article",
                          "article");
    if (message.article_id.size() > k_max_article_id_bytes)
        return make_error("chat.message.article_too_long",
                          "an article id is at most " + std::to_string(k_max_article_id_bytes) + " bytes",
                          "article");
    return ok();
}

void Conversation::drop_unacknowledged() {
    m_messages.erase(std::remove_if(m_messages.begin(), m_messages.end(),
                                    [](const ChatMessage& m) { return m.status != DeliveryStatus::Sent; }),
                     m_messages.end());
}

std::size_t Conversation::first_unacknowledged() const {
    const auto it = std::find_if(m_messages.begin(), m_messages.end(),
                                 [](const ChatMessage& m) { return m.status != DeliveryStatus::Sent; });
    return static_cast<std::size_t>(it - m_messages.begin());
}

void Conversation::insert_acknowledged(ChatMessage message) {
    const auto end = m_messages.begin() + static_cast<std::ptrdiff_t>(first_unacknowledged());
    const auto at = std::upper_bound(m_messages.begin(), end, message.seq,
                                     [](std::uint64_t seq, const ChatMessage& m) { return seq < m.seq; });
    m_messages.insert(at, std::move(message));
}

Result<const ChatMessage*> Conversation::compose(std::string client_id, std::string_view text,
                                                 std::int64_t now_ms) {
    if (m_state == ConversationState::Closed)
        return closed_error();
    if (!is_client_id(client_id))
        return bad_client_id();
    if (find(client_id) != nullptr)
        return make_error("chat.message.duplicate_client_id",
                          "a message with the client id \"" + client_id + "\" exists already", "client_id");
    const std::string_view words = trim(text);
    if (words.empty())
        return make_error("chat.message.empty", "the message is empty", "text");
    if (words.size() > k_max_message_bytes)
        return make_error("chat.message.too_long",
                          "the message is longer than " + std::to_string(k_max_message_bytes) + " bytes",
                          "text");
    if (!text::is_valid_utf8(words))
        return make_error("chat.message.invalid_utf8", "the message is not valid UTF-8", "text");
    ChatMessage message;
    message.client_id = std::move(client_id);
    message.author = Author::Shopper;
    message.text = std::string(words);
    message.written_ms = now_ms;
    message.status = DeliveryStatus::Pending;
    m_messages.push_back(std::move(message));
    return &m_messages.back();
}

Result<void> Conversation::mark_sent(std::string_view client_id, std::uint64_t seq, std::int64_t stored_ms) {
    const auto it = position_of(client_id);
    if (it == m_messages.end())
        return unknown_client_id(client_id);
    if (it->status == DeliveryStatus::Sent) {
        if (it->seq == seq)
            return ok(); // the stream told us first
        return make_error("chat.message.seq_taken", "the message was acknowledged with another seq", "seq");
    }
    if (seq == 0 || seq_taken(seq))
        return seq_taken_error(seq);
    ChatMessage message = std::move(*it);
    m_messages.erase(it);
    message.seq = seq;
    message.stored_ms = stored_ms;
    message.status = DeliveryStatus::Sent;
    insert_acknowledged(std::move(message));
    return ok();
}

Result<void> Conversation::mark_failed(std::string_view client_id) {
    const auto it = position_of(client_id);
    if (it == m_messages.end())
        return unknown_client_id(client_id);
    if (it->status != DeliveryStatus::Pending)
        return make_error("chat.message.not_pending", "only a message waiting to be sent can fail",
                          "client_id");
    it->status = DeliveryStatus::Failed;
    return ok();
}

Result<void> Conversation::retry(std::string_view client_id) {
    if (m_state == ConversationState::Closed)
        return closed_error();
    const auto it = position_of(client_id);
    if (it == m_messages.end())
        return unknown_client_id(client_id);
    if (it->status != DeliveryStatus::Failed)
        return make_error("chat.message.not_failed", "only a message that failed is sent again", "client_id");
    ChatMessage message = std::move(*it);
    m_messages.erase(it);
    message.status = DeliveryStatus::Pending;
    m_messages.push_back(std::move(message)); // sent again now: last
    return ok();
}

Result<void> Conversation::hand_off(HandoffReason) {
    if (m_state == ConversationState::Closed)
        return closed_error();
    if (m_state != ConversationState::Bot)
        return make_error("chat.state.not_bot", "a person was asked for already");
    m_state = ConversationState::Waiting;
    return ok();
}

Result<void> Conversation::agent_joined(std::string label) {
    if (m_state == ConversationState::Closed)
        return closed_error();
    if (label.empty() || label.size() > k_max_agent_name_bytes || !text::is_valid_utf8(label))
        return make_error(
            "chat.agent.bad_label",
            "an agent's name is 1 to " + std::to_string(k_max_agent_name_bytes) + " bytes of UTF-8", "agent");
    m_state = ConversationState::Agent;
    m_agent_label = std::move(label);
    return ok();
}

Result<void> Conversation::close() {
    if (m_state == ConversationState::Closed)
        return closed_error();
    m_state = ConversationState::Closed;
    return ok();
}

Result<void> Conversation::add_stored(ChatMessage message) {
    SW_TRY_VOID(check_storable(message));
    if (find(message.client_id) != nullptr)
        return make_error("chat.message.duplicate_client_id",
                          "a message with the client id \"" + message.client_id + "\" exists already",
                          "client_id");
    message.status = DeliveryStatus::Sent;
    insert_acknowledged(std::move(message));
    return ok();
}

Result<bool> Conversation::apply(const ChatEvent& event) {
    if (event.seq <= m_last_seq)
        return false; // applied already: a resumed stream repeats the event it stopped at
    if (event.seq != m_last_seq + 1)
        return make_error("chat.event.gap",
                          "event " + std::to_string(event.seq) + " follows " + std::to_string(m_last_seq) +
                              ": reconnect from " + std::to_string(m_last_seq),
                          "seq");
    switch (event.kind) {
    case ChatEvent::Kind::Message: {
        ChatEvent stored = event;
        stamp_stored(stored);
        ChatMessage& message = stored.message;
        const auto mine = position_of(message.client_id);
        if (mine != m_messages.end() && mine->status == DeliveryStatus::Sent) {
            if (mine->seq != message.seq)
                return make_error("chat.message.seq_taken", "the message was acknowledged with another seq",
                                  "seq");
            break; // the POST's answer came first: nothing new
        }
        SW_TRY_VOID(check_storable(message)); // before anything changes
        if (mine != m_messages.end()) {       // our pending or failed message, as the server stored it
            message.written_ms = mine->written_ms;
            m_messages.erase(mine);
        }
        insert_acknowledged(std::move(message));
        break;
    }
    case ChatEvent::Kind::HandedOff:
        SW_TRY_VOID(hand_off(event.reason));
        m_handoff = Handoff{event.reason, event.staff_online};
        break;
    case ChatEvent::Kind::AgentJoined:
        SW_TRY_VOID(agent_joined(event.agent_label));
        break;
    case ChatEvent::Kind::Closed:
        SW_TRY_VOID(close());
        break;
    }
    m_last_seq = event.seq;
    return true;
}

Result<void> Conversation::rate(int score, std::string_view comment, std::int64_t now_ms) {
    if (m_state != ConversationState::Closed)
        return make_error("chat.csat.not_closed", "the help is rated once the conversation is closed");
    if (m_csat)
        return make_error("chat.csat.already_given", "the help was rated already");
    if (score < 1 || score > 5)
        return make_error("chat.csat.bad_score", "a rating is 1 to 5", "score");
    const std::string_view words = trim(comment);
    if (words.size() > k_max_csat_comment_bytes)
        return make_error("chat.csat.comment_too_long",
                          "the comment is longer than " + std::to_string(k_max_csat_comment_bytes) + " bytes",
                          "comment");
    if (!text::is_valid_utf8(words))
        return make_error("chat.csat.invalid_utf8", "the comment is not valid UTF-8", "comment");
    m_csat = Csat{score, std::string(words), now_ms};
    return ok();
}

Conversation Conversation::restore(ConversationState state, std::string agent_label, std::uint64_t last_seq,
                                   std::vector<ChatMessage> messages, std::optional<Csat> csat,
                                   std::optional<Handoff> handoff) {
    Conversation conversation;
    conversation.m_state = state;
    conversation.m_agent_label = std::move(agent_label);
    conversation.m_last_seq = last_seq;
    conversation.m_messages = std::move(messages);
    conversation.m_csat = std::move(csat);
    conversation.m_handoff = handoff;
    return conversation;
}

} // namespace support::chat
