#include "console/model/chat_inbox.h"

#include "shared/core/parse_json.h"
#include "shared/core/protocol/chat_wire.h"
#include "shared/core/protocol/url_encoding.h"

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace support::console {

namespace {

using nlohmann::json;

constexpr const char* k_conversations = "/api/v1/staff/conversations";

std::string text(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::int64_t number(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_number_integer() ? it->get<std::int64_t>() : 0;
}

const json& member(const json& object, const char* key) {
    static const json k_none = json::object();
    const auto it = object.find(key);
    return it != object.end() && it->is_object() ? *it : k_none;
}

void read_context(const json& context, InboxChat& chat) {
    chat.context = read_context_facts(context);
    const auto journey = context.find("journey");
    if (journey == context.end() || !journey->is_array())
        return;
    for (const json& step : *journey) {
        if (!step.is_object())
            continue;
        const std::string kind = text(step, "kind"), subject = text(step, "subject"),
                          detail = text(step, "detail");
        if (kind == "search")
            chat.journey.push_back("Searched “" + subject + "”" +
                                   (detail == "no_result" ? " — nothing found" : ""));
        else if (kind == "article")
            chat.journey.push_back("Read “" + (detail.empty() ? subject : detail) + "”");
        else if (kind == "feedback")
            chat.journey.push_back("Said " + subject + (detail == "helpful" ? " helped" : " did not help"));
        else if (kind == "guide")
            chat.journey.push_back("Guide " + subject + ": " + detail);
        else if (kind == "page")
            chat.journey.push_back("Visited " + subject + (detail.empty() ? "" : " (" + detail + ")"));
    }
}

std::optional<InboxChat> parse_chat(const json& item) {
    if (!item.is_object() || text(item, "id").empty())
        return std::nullopt;
    InboxChat chat;
    chat.id = text(item, "id");
    chat.site = text(item, "site");
    chat.state = chat::state_from_name(text(item, "state")).value_or(chat::ConversationState::Waiting);
    chat.agent = text(item, "agent");
    chat.locale = text(item, "locale");
    chat.page_url = text(item, "page_url");
    chat.reply_email = text(item, "reply_email");
    read_context(member(item, "context"), chat);
    chat.created_at_ms = number(item, "created_at_ms");
    chat.updated_at_ms = number(item, "updated_at_ms");
    chat.last_seq = static_cast<std::uint64_t>(std::max<std::int64_t>(0, number(item, "last_seq")));
    return chat;
}

std::string minutes(std::int64_t ms) {
    const std::int64_t m = std::max<std::int64_t>(0, ms) / 60'000;
    if (m < 1)
        return "under a minute";
    if (m < 60)
        return std::to_string(m) + " min";
    return std::to_string(m / 60) + " h " + std::to_string(m % 60) + " min";
}

} // namespace

ChatInbox::ChatInbox(StaffTransport transport, std::function<std::string()> csrf_token,
                     std::function<std::string()> new_client_id, std::function<void()> on_signed_out)
    : m_transport(std::move(transport)), m_csrf_token(std::move(csrf_token)),
      m_new_client_id(std::move(new_client_id)), m_on_signed_out(std::move(on_signed_out)) {}

bool ChatInbox::signed_out(const StaffAnswer& answer) {
    if (answer.status != 401)
        return false;
    m_on_signed_out();
    return true;
}

void ChatInbox::refresh() {
    if (m_loading) {
        m_again = true;
        return;
    }
    m_loading = true;
    m_transport(StaffRequest{"GET", k_conversations, "", ""}, [this](StaffAnswer answer) {
        m_loading = false;
        if (signed_out(answer))
            return;
        const json body = parse_json(answer.body);
        if (answer.status != 200 || !body.is_object()) {
            m_error = failure_message(answer);
        } else {
            m_error.clear();
            m_items.clear();
            for (const json& item : body.value("items", json::array()))
                if (auto chat = parse_chat(item))
                    m_items.push_back(std::move(*chat));
            m_online.clear();
            for (const json& member : body.value("online", json::array()))
                if (member.is_object())
                    m_online.push_back(text(member, "email"));
            // The open chat's row carries what changed (joined, the reply address).
            if (m_open)
                for (const InboxChat& chat : m_items)
                    if (chat.id == m_open->id)
                        m_open = chat;
        }
        if (std::exchange(m_again, false))
            refresh();
    });
}

std::size_t ChatInbox::waiting() const {
    return static_cast<std::size_t>(std::count_if(m_items.begin(), m_items.end(), [](const InboxChat& c) {
        return c.state == chat::ConversationState::Waiting;
    }));
}

void ChatInbox::open(const InboxChat& chat) {
    ++m_view;
    m_open = chat;
    m_transcript = chat::Conversation();
    m_loaded = false;
    m_outgoing.clear();
    m_status.clear();
    load_transcript();
}

void ChatInbox::close_view() {
    ++m_view;
    m_open.reset();
    m_transcript = chat::Conversation();
    m_loaded = false;
    m_outgoing.clear();
}

void ChatInbox::load_transcript() {
    if (!m_open)
        return;
    const std::uint64_t view = m_view;
    m_transport(StaffRequest{"GET",
                             std::string(k_conversations) + "/" + protocol::encode_url_component(m_open->id),
                             "", ""},
                [this, view](StaffAnswer answer) {
                    if (view != m_view || signed_out(answer))
                        return;
                    const json body = parse_json(answer.body);
                    if (answer.status != 200 || !body.is_object()) {
                        m_status = failure_message(answer);
                        return;
                    }
                    chat::Conversation transcript;
                    for (const json& event : body.value("events", json::array())) {
                        auto decoded = protocol::decode_chat_event(event.dump());
                        if (decoded)
                            (void)transcript.apply(*decoded);
                    }
                    // Events the stream brought meanwhile are in the transcript too (it was read later).
                    if (transcript.last_seq() >= m_transcript.last_seq())
                        m_transcript = std::move(transcript);
                    if (auto chat = parse_chat(body.value("conversation", json::object())))
                        m_open = std::move(*chat);
                    m_loaded = true;
                });
}

void ChatInbox::take_event(const std::string& data) {
    auto event = protocol::decode_chat_event(data);
    if (!event || !m_open)
        return;
    auto applied = m_transcript.apply(*event);
    if (!applied) {
        if (applied.error().code == "chat.event.gap")
            load_transcript();
        return;
    }
    if (event->kind == chat::ChatEvent::Kind::Message)
        std::erase_if(m_outgoing,
                      [&](const OutgoingReply& r) { return r.client_id == event->message.client_id; });
    if (event->kind == chat::ChatEvent::Kind::AgentJoined) {
        m_open->state = chat::ConversationState::Agent;
        m_open->agent = event->agent_label;
    } else if (event->kind == chat::ChatEvent::Kind::Closed) {
        m_open->state = chat::ConversationState::Closed;
    } else if (event->kind == chat::ChatEvent::Kind::HandedOff) {
        m_open->state = chat::ConversationState::Waiting;
    }
}

void ChatInbox::post(const std::string& part, const std::string& body, std::string done_message) {
    if (!m_open)
        return;
    const std::uint64_t view = m_view;
    m_transport(StaffRequest{"POST",
                             std::string(k_conversations) + "/" + protocol::encode_url_component(m_open->id) +
                                 "/" + part,
                             body, m_csrf_token()},
                [this, view, done = std::move(done_message)](StaffAnswer answer) {
                    if (view != m_view || signed_out(answer))
                        return;
                    m_status = answer.status / 100 == 2 ? done : failure_message(answer);
                    refresh();
                });
}

void ChatInbox::join() {
    post("join", "{}", "You joined the chat.");
}

void ChatInbox::close_chat() {
    post("close", "{}", "The chat is closed.");
}

void ChatInbox::typing(std::int64_t now_ms) {
    constexpr std::int64_t k_typing_every_ms = 3000;
    if (!m_open || now_ms - m_typing_sent_ms < k_typing_every_ms)
        return;
    m_typing_sent_ms = now_ms;
    m_transport(StaffRequest{"POST",
                             std::string(k_conversations) + "/" + protocol::encode_url_component(m_open->id) +
                                 "/typing",
                             "{}", m_csrf_token()},
                [this](StaffAnswer answer) { signed_out(answer); });
}

void ChatInbox::reply(const std::string& text) {
    if (!m_open || text.find_first_not_of(" \t\r\n") == std::string::npos)
        return;
    OutgoingReply outgoing{m_new_client_id(), text, ""};
    const protocol::ChatMessagePost post{outgoing.client_id, text, 0};
    m_outgoing.push_back(outgoing);
    const std::uint64_t view = m_view;
    m_transport(StaffRequest{"POST",
                             std::string(k_conversations) + "/" + protocol::encode_url_component(m_open->id) +
                                 "/messages",
                             protocol::encode_chat_message_post(post), m_csrf_token()},
                [this, view, id = outgoing.client_id](StaffAnswer answer) {
                    if (view != m_view || signed_out(answer))
                        return;
                    const auto it = std::find_if(m_outgoing.begin(), m_outgoing.end(),
                                                 [&](const OutgoingReply& r) { return r.client_id == id; });
                    if (it == m_outgoing.end())
                        return; // the stream brought it first
                    if (answer.status / 100 == 2)
                        return; // stored: the stream brings it
                    it->error = failure_message(answer);
                });
}

std::string describe_chat(const InboxChat& chat, std::int64_t now_ms) {
    switch (chat.state) {
    case chat::ConversationState::Waiting:
        return "Waiting, last activity " + minutes(now_ms - chat.updated_at_ms) + " ago";
    case chat::ConversationState::Agent:
        return "With " + (chat.agent.empty() ? std::string("an agent") : chat.agent);
    case chat::ConversationState::Bot:
        return "With the bot";
    case chat::ConversationState::Closed:
        return "Closed";
    }
    return "";
}

} // namespace support::console
