#include "widget/chat_session.h"

#include "shared/core/chat/conversation_json.h"
#include "shared/core/parse_json.h"
#include "shared/core/persistence/shopper_key_store.h"
#include "shared/core/protocol/api_paths.h"
#include "shared/core/protocol/chat_wire.h"
#include "shared/core/protocol/feedback_submission.h"
#include "shared/core/protocol/url_encoding.h"
#include "shared/core/protocol/uuid.h"
#include "shared/web/call_later.h"
#include "shared/web/feedback_queue.h"
#include "shared/web/http_request.h"
#include "shared/web/web_app.h"

#include <algorithm>
#include <cstdio>

namespace support::widget {

namespace {

using nlohmann::json;

constexpr const char* k_storage_key = "chat";
constexpr int k_saved_version = 1;
constexpr int k_first_retry_ms = 1000;
constexpr int k_max_retry_ms = 30'000;
constexpr std::int64_t k_typing_fresh_ms = 6000;
constexpr std::int64_t k_typing_every_ms = 3000;

// 1 s, 2 s, 4 s … 30 s: how long to wait after `failures` attempts in a row.
int backoff_ms(int failures) {
    int delay = k_first_retry_ms;
    for (int i = 1; i < failures && delay < k_max_retry_ms; ++i)
        delay *= 2;
    return std::min(delay, k_max_retry_ms);
}

// The server could not take it now (offline, overloaded, restarting): try again later. Anything
// else outside 2xx is its answer about this request, which a repeat would not change.
bool worth_retrying(int status) {
    return status == 0 || status == 408 || status == 429 || status >= 500;
}

bool incoming(const chat::ChatMessage& message) {
    return message.author == chat::Author::Bot || message.author == chat::Author::Agent;
}

} // namespace

void ChatSession::start(std::string server, std::string site) {
    m_server = std::move(server);
    m_site = std::move(site);
    restore();
    // The session names the conversation the site's tabs follow. One kept before there was a
    // session joins it; one another tab has since left is left here too.
    const session::Versioned<std::optional<session::ChatAt>>& shared = m_session.state().chat;
    if (shared.value && shared.value->conversation_id != m_id)
        follow(shared.value);
    else if (!shared.value && started() && shared.clock != 0)
        forget_locally();
    else
        publish();
    m_relay.open("chat-relay", [this](std::string_view text) { take_relayed(text); });
    m_leader.request("chat-leader", [this] { listen(); });
    listen();
    pump();
    notify_unread();
}

void ChatSession::publish() {
    m_session.set_chat(started() ? std::optional(session::ChatAt{m_id, m_token, m_seen_seq}) : std::nullopt);
}

void ChatSession::follow(const std::optional<session::ChatAt>& at) {
    if (!at) {
        if (started())
            forget_locally();
        return;
    }
    if (at->conversation_id == m_id) {
        if (at->seen_seq > m_seen_seq) { // read in another tab
            m_seen_seq = at->seen_seq;
            save();
            notify_unread();
        }
        return;
    }
    // Another tab opened it. What this tab wrote before it had a conversation goes to that one (the
    // conversation this tab was opening, if any, stays empty on the server).
    if (started())
        forget_locally();
    ++m_generation;
    m_opening = false;
    m_id = at->conversation_id;
    m_token = at->token;
    m_seen_seq = at->seen_seq;
    save();
    listen();
    pump();
    notify_unread();
}

void ChatSession::relay(const std::string& kind, const nlohmann::json& fields) {
    json message = fields;
    message["kind"] = kind;
    message["conversation"] = m_id;
    m_relay.post(message.dump(-1, ' ', false, json::error_handler_t::replace));
}

void ChatSession::take_relayed(std::string_view text) {
    const json message = parse_json(text);
    if (!message.is_object() || !started() || message.value("conversation", std::string()) != m_id)
        return;
    const std::string kind = message.value("kind", std::string());
    if (kind == "need") {
        if (m_leader.leading())
            relay("snapshot",
                  {{"transcript", chat::serialize_conversation(m_chat)}, {"live", m_link == ChatLink::Live}});
        return;
    }
    if (m_leader.leading())
        return; // it has the stream itself
    if (kind == "event") {
        m_link = ChatLink::Live;
        take_stream_event(message.value("type", std::string()), message.value("data", std::string()));
    } else if (kind == "link" || kind == "snapshot") {
        if (kind == "snapshot")
            take_snapshot(message.value("transcript", std::string()));
        const bool live = message.value("live", false);
        m_link = live ? ChatLink::Live : ChatLink::Interrupted;
        if (live)
            pump();
    }
}

void ChatSession::take_snapshot(const std::string& transcript) {
    auto snapshot = chat::parse_conversation(transcript);
    if (!snapshot || snapshot->last_seq() <= m_chat.last_seq())
        return;
    chat::Conversation next = std::move(*snapshot);
    // The leader's own unsent messages are the leader's to send (they arrive here once numbered);
    // what this tab wrote and the server has not numbered yet stays this tab's to send.
    next.drop_unacknowledged();
    for (const chat::ChatMessage& mine : m_chat.messages()) {
        if (mine.seq != 0 || next.find(mine.client_id))
            continue;
        (void)next.compose(mine.client_id, mine.text, mine.written_ms);
        if (mine.status == chat::DeliveryStatus::Failed)
            (void)next.mark_failed(mine.client_id);
    }
    m_chat = std::move(next);
    if (m_watching)
        m_seen_seq = m_chat.last_seq();
    save();
    notify_unread();
}

std::string ChatSession::conversations_url() const {
    return m_server + protocol::conversations_target(m_site);
}

std::string ChatSession::conversation_url(std::string_view part) const {
    return m_server + protocol::conversation_target(m_site, m_id, part);
}

void ChatSession::restore() {
    auto stored = m_storage.get(k_storage_key);
    if (!stored || !*stored)
        return;
    const json saved = parse_json(**stored);
    const auto text = [&](const char* key) {
        const auto it = saved.is_object() ? saved.find(key) : saved.end();
        return it != saved.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    auto transcript = chat::parse_conversation(text("transcript"));
    if (!saved.is_object() || saved.value("v", 0) != k_saved_version || text("id").empty() || !transcript) {
        std::fprintf(stderr, "support widget: the saved chat could not be read; starting a new one\n");
        (void)m_storage.remove(k_storage_key);
        return;
    }
    m_id = text("id");
    m_token = text("token");
    m_start = text("start");
    m_reply_email = text("reply_email");
    m_seen_seq = saved.value("seen", std::uint64_t{0});
    m_chat = std::move(*transcript);
}

void ChatSession::save() {
    if (!started() && m_chat.messages().empty()) {
        (void)m_storage.remove(k_storage_key);
        return;
    }
    const json saved = {{"v", k_saved_version},
                        {"id", m_id},
                        {"token", m_token},
                        {"start", m_start},
                        {"seen", m_seen_seq},
                        {"reply_email", m_reply_email},
                        {"transcript", chat::serialize_conversation(m_chat)}};
    if (auto kept = m_storage.set(k_storage_key, saved.dump(-1, ' ', false, json::error_handler_t::replace));
        !kept)
        std::fprintf(stderr, "support widget: the chat is not kept across pages (%s)\n",
                     kept.error().code.c_str());
}

Result<void> ChatSession::send(std::string_view text, const std::string& locale,
                               const protocol::ContextSnapshot& context,
                               const std::vector<protocol::JourneyStep>& journey) {
    const std::string client_id = protocol::format_uuid_v4(web::random_bytes_16());
    SW_TRY(const chat::ChatMessage* composed, m_chat.compose(client_id, text, web::now_ms()));
    (void)composed;
    if (!started())
        m_start = protocol::encode_conversation_start(
            {locale, context, journey,
             persistence::load_or_create_shopper_key(m_storage, web::random_bytes_16())});
    save();
    pump();
    return ok();
}

void ChatSession::retry(const std::string& client_id) {
    if (m_chat.retry(client_id)) {
        save();
        pump();
    }
}

void ChatSession::open_conversation() {
    if (m_opening)
        return;
    m_opening = true;
    // What the first message was written with, kept as it will be sent (checked again here: it
    // spent time in localStorage). Without it, the conversation opens in English with no context.
    std::string start = m_start;
    if (!protocol::decode_conversation_start(start))
        start = protocol::encode_conversation_start(
            {"en",
             std::nullopt,
             {},
             persistence::load_or_create_shopper_key(m_storage, web::random_bytes_16())});
    const std::uint32_t generation = m_generation;
    web::http_request({.method = "POST", .url = conversations_url(), .json_body = start},
                      [this, generation](web::HttpAnswer answer) {
                          if (generation != m_generation)
                              return;
                          m_opening = false;
                          auto opened = answer.status == 201
                                            ? protocol::decode_conversation_opened(answer.body)
                                            : Result<protocol::ConversationOpened>(
                                                  make_error("chat.open.failed", answer.body));
                          if (!opened) {
                              if (worth_retrying(answer.status)) {
                                  ++m_send_failures;
                                  resend_later();
                                  return;
                              }
                              std::fprintf(stderr, "support widget: the chat could not be opened (%d): %s\n",
                                           answer.status, answer.body.c_str());
                              for (const chat::ChatMessage& m : std::vector(m_chat.messages()))
                                  if (m.status == chat::DeliveryStatus::Pending)
                                      (void)m_chat.mark_failed(m.client_id);
                              save();
                              return;
                          }
                          m_id = opened->id;
                          m_token = opened->token;
                          m_send_failures = 0;
                          save();
                          publish(); // the site's other tabs follow it
                          listen();
                          pump();
                      });
}

void ChatSession::pump() {
    if (m_sending || m_opening || m_resend_scheduled || m_server.empty())
        return;
    const auto& messages = m_chat.messages();
    const auto next = std::find_if(messages.begin(), messages.end(), [](const chat::ChatMessage& m) {
        return m.status == chat::DeliveryStatus::Pending;
    });
    if (next == messages.end())
        return;
    if (!started()) {
        open_conversation();
        return;
    }
    m_sending = true;
    const std::string client_id = next->client_id;
    const std::uint32_t generation = m_generation;
    web::http_request(
        {.method = "POST",
         .url = conversation_url("messages"),
         .json_body = protocol::encode_chat_message_post({next->client_id, next->text, next->written_ms}),
         .authorization = authorization()},
        [this, generation, client_id](web::HttpAnswer answer) {
            if (generation != m_generation)
                return;
            m_sending = false;
            if (answer.status == 200 || answer.status == 201) {
                if (auto receipt = protocol::decode_chat_message_receipt(answer.body))
                    (void)m_chat.mark_sent(client_id, receipt->seq, receipt->stored_ms);
                m_send_failures = 0;
            } else if (worth_retrying(answer.status)) {
                ++m_send_failures;
                resend_later();
                return;
            } else {
                std::fprintf(stderr, "support widget: a chat message was refused (%d): %s\n", answer.status,
                             answer.body.c_str());
                (void)m_chat.mark_failed(client_id);
            }
            save();
            pump();
        });
}

void ChatSession::resend_later() {
    if (m_resend_scheduled)
        return;
    m_resend_scheduled = true;
    const std::uint32_t generation = m_generation;
    web::call_later(backoff_ms(m_send_failures), [this, generation] {
        if (generation != m_generation)
            return;
        m_resend_scheduled = false;
        pump();
    });
}

void ChatSession::listen() {
    if (!started() || m_chat.state() == chat::ConversationState::Closed) {
        m_stream.close();
        m_link = ChatLink::Idle;
        return;
    }
    if (!m_leader.leading()) {
        // The leading tab holds the stream: what this tab lacks comes from it.
        m_stream.close();
        if (m_link == ChatLink::Idle)
            m_link = ChatLink::Connecting;
        relay("need", json::object());
        return;
    }
    m_link = ChatLink::Connecting;
    const std::string url = conversation_url("events") + "?token=" + protocol::encode_url_component(m_token) +
                            "&last_event_id=" + std::to_string(m_chat.last_seq());
    m_stream.open(url, {.on_event =
                            [this](const web::StreamEvent& event) {
                                relay("event", {{"type", event.type}, {"data", event.data}});
                                take_stream_event(event.type, event.data);
                            },
                        .on_state =
                            [this](web::StreamState state) {
                                switch (state) {
                                case web::StreamState::Open:
                                    relay("link", {{"live", true}});
                                    m_link = ChatLink::Live;
                                    m_stream_failures = 0;
                                    pump(); // the connection is back: what waits goes now
                                    break;
                                case web::StreamState::Connecting:
                                    relay("link", {{"live", false}});
                                    m_link = ChatLink::Interrupted; // the browser retries by itself
                                    break;
                                case web::StreamState::Closed:
                                    relay("link", {{"live", false}});
                                    m_link = ChatLink::Interrupted;
                                    ++m_stream_failures;
                                    relisten_later();
                                    break;
                                }
                            }});
}

void ChatSession::relisten_later() {
    m_stream.close();
    const std::uint32_t generation = m_generation;
    web::call_later(backoff_ms(m_stream_failures), [this, generation] {
        if (generation == m_generation && !m_stream.is_open())
            listen();
    });
}

void ChatSession::take_stream_event(const std::string& type, const std::string& data) {
    if (type == "typing") {
        auto typing = protocol::decode_chat_typing(data);
        if (typing && typing->author == chat::Author::Agent) {
            m_typist = typing->label;
            m_typist_until_ms = web::now_ms() + k_typing_fresh_ms;
            // Nothing to do then but draw: the notice is gone.
            web::call_later(int(k_typing_fresh_ms) + 50, [] {});
        }
        return;
    }
    auto event = protocol::decode_chat_event(data);
    if (!event) {
        std::fprintf(stderr, "support widget: a chat event could not be read: %s\n",
                     event.error().message.c_str());
        return;
    }
    apply(*event);
}

void ChatSession::apply(const chat::ChatEvent& event) {
    auto applied = m_chat.apply(event);
    if (!applied) {
        if (applied.error().code == "chat.event.gap") {
            listen(); // from the last event applied: the server sends what is missing
            return;
        }
        std::fprintf(stderr, "support widget: a chat event did not apply: %s\n",
                     applied.error().message.c_str());
        return;
    }
    if (!*applied)
        return;
    if (event.kind == chat::ChatEvent::Kind::HandedOff)
        m_handoff_pending = false;
    if (event.kind == chat::ChatEvent::Kind::Message && event.message.author == chat::Author::Agent)
        m_typist_until_ms = 0; // the message they were typing arrived
    if (event.kind == chat::ChatEvent::Kind::Message && event.message.author != chat::Author::Shopper &&
        m_on_message)
        m_on_message(event.message);
    if (m_watching && m_seen_seq != m_chat.last_seq()) {
        m_seen_seq = m_chat.last_seq();
        publish();
    }
    save();
    notify_unread();
    if (m_chat.state() == chat::ConversationState::Closed) {
        m_stream.close();
        m_link = ChatLink::Idle;
    }
}

void ChatSession::hand_off(chat::HandoffReason reason) {
    if (!started() || m_chat.state() != chat::ConversationState::Bot || m_handoff_pending)
        return;
    m_handoff_pending = true;
    const std::uint32_t generation = m_generation;
    web::http_request({.method = "POST",
                       .url = conversation_url("handoff"),
                       .json_body = protocol::encode_handoff_request({reason}),
                       .authorization = authorization()},
                      [this, generation](web::HttpAnswer answer) {
                          if (generation != m_generation)
                              return;
                          if (answer.status == 200) {
                              // The stream brings the same event; applying it first is as good.
                              // (Only the next one: the stream fills any gap before it.)
                              if (auto event = protocol::decode_chat_event(answer.body);
                                  event && event->seq == m_chat.last_seq() + 1)
                                  apply(*event);
                          } else if (answer.status != 409) { // 409: handed off already
                              std::fprintf(stderr, "support widget: the handoff failed (%d)\n",
                                           answer.status);
                          }
                          m_handoff_pending = false;
                      });
}

Result<void> ChatSession::leave_reply_email(std::string_view email) {
    const std::string address(chat::trim(email));
    if (!protocol::is_reply_email(address))
        return make_error("chat.reply_email.invalid", "not an e-mail address", "email");
    m_reply_email = address;
    save();
    web::http_request({.method = "POST",
                       .url = conversation_url("reply-email"),
                       .json_body = protocol::encode_reply_email(address),
                       .authorization = authorization()},
                      [](web::HttpAnswer answer) {
                          if (answer.status != 204)
                              std::fprintf(stderr, "support widget: the reply address was not kept (%d)\n",
                                           answer.status);
                      });
    return ok();
}

void ChatSession::typing() {
    const std::int64_t now = web::now_ms();
    if (!started() || now - m_last_typing_sent_ms < k_typing_every_ms ||
        m_chat.state() == chat::ConversationState::Closed)
        return;
    m_last_typing_sent_ms = now;
    web::http_request({.method = "POST",
                       .url = conversation_url("typing"),
                       .json_body = "{}",
                       .authorization = authorization()},
                      [](web::HttpAnswer) {});
}

Result<void> ChatSession::rate(int score, std::string_view comment) {
    SW_TRY_VOID(m_chat.rate(score, comment, web::now_ms()));
    save();
    return ok();
}

void ChatSession::start_over() {
    forget_locally();
    publish();
}

void ChatSession::forget_locally() {
    ++m_generation;
    m_stream.close();
    m_id.clear();
    m_token.clear();
    m_chat = chat::Conversation();
    m_seen_seq = 0;
    m_reply_email.clear();
    m_link = ChatLink::Idle;
    m_opening = m_sending = m_resend_scheduled = m_handoff_pending = false;
    m_send_failures = m_stream_failures = 0;
    save();
    notify_unread();
}

void ChatSession::forget() {
    if (started() || !m_chat.messages().empty())
        forget_locally();
}

void ChatSession::set_watching(bool watching) {
    m_watching = watching;
    if (watching && m_seen_seq != m_chat.last_seq()) {
        m_seen_seq = m_chat.last_seq();
        save();
        publish(); // read here: the other tabs' badges clear too
        notify_unread();
    }
}

int ChatSession::unread() const {
    return static_cast<int>(
        std::count_if(m_chat.messages().begin(), m_chat.messages().end(),
                      [&](const chat::ChatMessage& m) { return incoming(m) && m.seq > m_seen_seq; }));
}

void ChatSession::notify_unread() {
    const int count = unread();
    if (count == m_last_unread_told)
        return;
    m_last_unread_told = count;
    if (m_on_unread)
        m_on_unread(count);
}

std::string ChatSession::typist() const {
    return web::now_ms() < m_typist_until_ms ? m_typist : std::string();
}

const chat::ChatMessage* ChatSession::newest_incoming() const {
    const auto& messages = m_chat.messages();
    const auto it = std::find_if(messages.rbegin(), messages.rend(), incoming);
    return it == messages.rend() ? nullptr : &*it;
}

nlohmann::json ChatSession::debug_json() const {
    const char* links[] = {"idle", "connecting", "live", "interrupted"};
    int pending = 0, failed = 0;
    for (const chat::ChatMessage& m : m_chat.messages()) {
        pending += m.status == chat::DeliveryStatus::Pending;
        failed += m.status == chat::DeliveryStatus::Failed;
    }
    return {{"started", started()},
            {"state", chat::state_name(m_chat.state())},
            {"link", links[static_cast<int>(m_link)]},
            {"messages", m_chat.messages().size()},
            {"pending", pending},
            {"failed", failed},
            {"last_seq", m_chat.last_seq()},
            {"unread", unread()},
            {"leader", m_leader.leading()},
            {"stream", m_stream.is_open()}};
}

} // namespace support::widget
