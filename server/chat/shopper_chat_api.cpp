#include "server/chat/shopper_chat_api.h"

#include "server/chat/chat_answers.h"
#include "server/chat/conversation_stream.h"
#include "server/content/shopper_identity_check.h"
#include "server/http/client_address.h"
#include "server/http/json_error.h"
#include "server/middleware/site_cross_origin.h"
#include "server/privacy/shopper_erasure_api.h"
#include "server/sse/server_sent_event.h"
#include "server/staff/session_token.h"
#include "shared/core/context/secrets_in_messages.h"
#include "shared/core/protocol/api_paths.h"
#include "shared/core/protocol/chat_wire.h"
#include "shared/core/protocol/url_encoding.h"

#include <cstdio>

namespace support::server {

namespace {

// A conversation id: the first 22 characters of a fresh 32-byte token, 132 random bits.
constexpr std::size_t k_conversation_id_chars = 22;

enum class ChatRoute { Conversations, Messages, Events, Typing, Handoff, ReplyEmail, Unknown };

// The most events the bot reads back to know what it said before (its memory of a conversation).
constexpr std::size_t k_bot_memory_events = 500;

ChatRoute route_of(std::string_view target) {
    const std::string_view path = protocol::target_path(target);
    if (path.ends_with("/conversations"))
        return ChatRoute::Conversations;
    if (path.ends_with("/messages"))
        return ChatRoute::Messages;
    if (path.ends_with("/events"))
        return ChatRoute::Events;
    if (path.ends_with("/typing"))
        return ChatRoute::Typing;
    if (path.ends_with("/handoff"))
        return ChatRoute::Handoff;
    if (path.ends_with("/reply-email"))
        return ChatRoute::ReplyEmail;
    return ChatRoute::Unknown;
}

std::string_view allowed_methods(ChatRoute route) {
    return route == ChatRoute::Events ? "GET" : "POST";
}

// The shopper's token: "Authorization: Bearer TOKEN", or ?token= on a stream (EventSource).
std::string token_of(const HttpRequest& request, ChatRoute route) {
    const std::string authorization = request.header("Authorization");
    constexpr std::string_view k_bearer = "Bearer ";
    if (authorization.size() > k_bearer.size() && header_name_equals(authorization.substr(0, 7), k_bearer))
        return std::string(trim_optional_whitespace(std::string_view(authorization).substr(k_bearer.size())));
    if (route == ChatRoute::Events)
        return protocol::query_parameter(request.target, "token").value_or("");
    return {};
}

std::optional<HttpResponse> refuse_body(const HttpRequest& request) {
    if (request.body.size() > k_max_chat_body_bytes)
        return error_response(
            413, make_error("api.chat.too_large", "a chat request may be at most 16 KB", "body"));
    if (!has_json_body(request))
        return error_response(
            415, make_error("api.chat.not_json", "send Content-Type: application/json", "Content-Type"));
    return std::nullopt;
}

// What staff see beside the transcript: the page's context and the shopper's journey, as checked.
std::string stored_context(const protocol::ConversationStart& start) {
    nlohmann::json context =
        start.context ? protocol::encode_context_snapshot(*start.context) : nlohmann::json::object();
    if (!start.journey.empty())
        context["journey"] = protocol::encode_journey(start.journey);
    return context.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

ShopperChatApi::ShopperChatApi(std::shared_ptr<Storage> storage, std::shared_ptr<ChatFanOut> fan_out,
                               std::shared_ptr<const ChatBot> bot,
                               std::map<std::string, SiteSettings, std::less<>> sites,
                               std::shared_ptr<WorkerPool> workers, ChatLimits limits, ServiceClocks clocks)
    : m_storage(std::move(storage)), m_fan_out(std::move(fan_out)), m_bot(std::move(bot)),
      m_sites(std::move(sites)), m_workers(std::move(workers)), m_limits(std::move(limits)),
      m_clocks(std::move(clocks)),
      m_conversations_per_client_ip(m_limits.conversations_per_client_ip, m_clocks.monotonic_ms),
      m_messages_per_conversation(m_limits.messages_per_conversation, m_clocks.monotonic_ms),
      m_messages_per_client_ip(m_limits.messages_per_client_ip, m_clocks.monotonic_ms),
      m_typing_per_conversation(m_limits.typing_per_conversation, m_clocks.monotonic_ms) {}

Reply ShopperChatApi::serve(const HttpRequest& request) const {
    auto found = site_request(request, m_sites);
    if (auto* refused = std::get_if<HttpResponse>(&found))
        return std::move(*refused);
    const auto& [site_name, cors] = std::get<SiteRequest>(found);
    const ChatRoute route = route_of(request.target);
    if (route == ChatRoute::Unknown)
        return error_response(404, make_error("server.route.not_found", "no such resource", "path"));
    if (request.method == "OPTIONS")
        return cors.preflight(allowed_methods(route), "Authorization, Content-Type, Last-Event-ID");
    if (request.method != allowed_methods(route)) {
        auto refused =
            error_response(405, make_error("api.chat.method_not_allowed",
                                           "use " + std::string(allowed_methods(route)), "method"));
        refused.set_header("Allow", std::string(allowed_methods(route)) + ", OPTIONS");
        return std::move(Reply(std::move(refused))).then(cors.allow());
    }
    const std::string token = route == ChatRoute::Conversations ? std::string() : token_of(request, route);
    // Cheap refusals answer on the connection's thread; whatever reads or writes the store runs on
    // the worker pool.
    Reply reply = [&]() -> Reply {
        if (route == ChatRoute::Conversations) {
            if (auto wait = m_conversations_per_client_ip.take(address_block(request.remote_address)))
                return rate_limited_response(*wait);
            if (auto refused = refuse_body(request))
                return std::move(*refused);
        } else {
            if (token.empty())
                return error_response(401,
                                      make_error("api.chat.token_missing",
                                                 "send the conversation's token: Authorization: Bearer …",
                                                 "Authorization"));
            if (route == ChatRoute::Messages || route == ChatRoute::Handoff ||
                route == ChatRoute::ReplyEmail) {
                if (auto wait = m_messages_per_client_ip.take(address_block(request.remote_address)))
                    return rate_limited_response(*wait);
                if (auto refused = refuse_body(request))
                    return std::move(*refused);
            }
        }
        auto self = shared_from_this();
        return m_workers->run([self, request, route, site_name, token]() -> HttpResponse {
            if (route == ChatRoute::Conversations)
                return self->open(request, site_name);
            auto authorised = self->authorise(request, site_name, token);
            if (auto* refused = std::get_if<HttpResponse>(&authorised))
                return std::move(*refused);
            const auto& conversation = std::get<StoredConversation>(authorised);
            switch (route) {
            case ChatRoute::Messages:
                return self->post_message(request, conversation);
            case ChatRoute::Events:
                return self->stream_events(request, conversation);
            case ChatRoute::Typing:
                return self->typing(conversation);
            case ChatRoute::Handoff:
                return self->hand_off(request, conversation);
            case ChatRoute::ReplyEmail:
                return self->set_reply_email(request, conversation);
            case ChatRoute::Conversations:
            case ChatRoute::Unknown:
                break;
            }
            return error_response(404, make_error("server.route.not_found", "no such resource", "path"));
        });
    }();
    return std::move(reply).then(cors.allow());
}

std::variant<StoredConversation, HttpResponse> ShopperChatApi::authorise(const HttpRequest& request,
                                                                         const std::string& site,
                                                                         const std::string& token) const {
    const std::string id = protocol::conversation_of_target(request.target).value_or("");
    auto found = m_storage->find_conversation(id);
    if (!found)
        return storage_unavailable(found.error());
    if (!*found || (*found)->site != site)
        return error_response(404, make_error("api.chat.conversation_not_found",
                                              "no such conversation on this site", "conversation"));
    if (!secrets_equal(token_digest(token), (*found)->token_digest))
        return error_response(403, make_error("api.chat.token_wrong",
                                              "this token does not open this conversation", "Authorization"));
    return std::move(**found);
}

HttpResponse ShopperChatApi::open(const HttpRequest& request, const std::string& site) const {
    auto start = protocol::decode_conversation_start(request.body);
    if (!start)
        return error_response(400, start.error());
    // A search for a card number is not kept either (the widget masks it first; an old one may not).
    context::mask_secrets_in(start->journey);
    if (start->context) {
        const auto settings = m_sites.find(site);
        check_shopper_identity(*start->context,
                               settings == m_sites.end() ? "" : settings->second.identity_secret);
    }
    auto token = new_secret_token();
    auto id_source = new_secret_token();
    if (!token || !id_source)
        return storage_unavailable(
            make_error("storage.write_failed", "no randomness for a conversation token"));
    NewConversation conversation{id_source->substr(0, k_conversation_id_chars),
                                 site,
                                 token_digest(*token),
                                 start->locale,
                                 start->context ? start->context->page_url : std::string(),
                                 m_clocks.wall_ms(),
                                 stored_context(*start),
                                 shopper_digest(start->shopper_key)};
    auto created = m_storage->create_conversation(conversation);
    if (!created)
        return storage_unavailable(created.error());
    HttpResponse response;
    response.status = 201;
    response.set_header("Content-Type", "application/json");
    response.set_header("Cache-Control", "no-store");
    response.body = protocol::encode_conversation_opened(
        protocol::ConversationOpened{created->id, *token, created->state, created->last_seq});
    return response;
}

HttpResponse ShopperChatApi::post_message(const HttpRequest& request,
                                          const StoredConversation& conversation) const {
    if (auto wait = m_messages_per_conversation.take(conversation.id))
        return rate_limited_response(*wait);
    auto post = protocol::decode_chat_message_post(request.body);
    if (!post)
        return error_response(400, post.error());
    chat::ChatEvent event;
    event.kind = chat::ChatEvent::Kind::Message;
    event.at_ms = m_clocks.wall_ms();
    event.message.client_id = post->client_id;
    event.message.author = chat::Author::Shopper;
    event.message.text = std::string(chat::trim(post->text));
    context::mask_secrets_in(event.message.text); // card numbers, IBANs, passwords: never stored
    event.message.written_ms = post->written_ms;
    const chat::ChatEvent sent = event;
    auto appended = store_and_announce(*m_storage, *m_fan_out, conversation, std::move(event));
    // A repeat gets the bot's turn too: a server that stopped between storing the message and the
    // bot's reply answers it now (the reply's client id makes a second one a no-op).
    const bool same_words = appended && appended->event.message.text == sent.message.text;
    if (appended && same_words && m_bot)
        bot_turn(conversation, appended->event);
    return stored_event_response(appended, sent);
}

void ShopperChatApi::bot_turn(const StoredConversation& conversation, const chat::ChatEvent& said) const {
    if (conversation.state != chat::ConversationState::Bot)
        return;
    auto events = m_storage->chat_events_after(conversation.id, 0, k_bot_memory_events);
    if (!events) {
        std::fprintf(stderr, "support-server: the bot could not read conversation %s: %s\n",
                     conversation.id.c_str(), events.error().message.c_str());
        return;
    }
    std::erase_if(*events, [&](const chat::ChatEvent& event) { return event.seq >= said.seq; });
    auto turn = m_bot->respond(conversation, *events, said.message, m_clocks.wall_ms());
    if (!turn)
        return;
    auto stored = store_and_announce(*m_storage, *m_fan_out, conversation, std::move(*turn));
    // A person who joined meanwhile silences the bot (chat.state.*): nothing to tell anyone.
    if (!stored && !stored.error().code.starts_with("chat."))
        std::fprintf(stderr, "support-server: the bot's answer in conversation %s was not stored: %s\n",
                     conversation.id.c_str(), stored.error().message.c_str());
}

HttpResponse ShopperChatApi::hand_off(const HttpRequest& request,
                                      const StoredConversation& conversation) const {
    if (auto wait = m_messages_per_conversation.take(conversation.id))
        return rate_limited_response(*wait);
    auto asked = protocol::decode_handoff_request(request.body);
    if (!asked)
        return error_response(400, asked.error());
    const std::int64_t now = m_clocks.wall_ms();
    chat::ChatEvent event;
    if (m_bot) {
        event = m_bot->handoff(asked->reason, now);
    } else {
        event.kind = chat::ChatEvent::Kind::HandedOff;
        event.reason = asked->reason;
        event.at_ms = now;
    }
    return stored_event_response(*m_storage, *m_fan_out, conversation, std::move(event));
}

HttpResponse ShopperChatApi::set_reply_email(const HttpRequest& request,
                                             const StoredConversation& conversation) const {
    if (auto wait = m_messages_per_conversation.take(conversation.id))
        return rate_limited_response(*wait);
    auto email = protocol::decode_reply_email(request.body);
    if (!email)
        return error_response(400, email.error());
    if (auto stored = m_storage->set_conversation_reply_email(conversation.id, *email, m_clocks.wall_ms());
        !stored)
        return storage_unavailable(stored.error());
    HttpResponse response;
    response.status = 204;
    response.set_header("Cache-Control", "no-store");
    return response;
}

HttpResponse ShopperChatApi::stream_events(const HttpRequest& request,
                                           const StoredConversation& conversation) const {
    auto after = resume_after(request);
    if (!after)
        return error_response(400, after.error());
    auto stream = open_conversation_stream(m_storage, *m_fan_out, conversation, *after, StreamViewer::Shopper,
                                           m_limits.stream);
    if (!stream)
        return storage_unavailable(stream.error());
    HttpResponse response = event_stream_head();
    response.stream_body = std::move(*stream);
    return response;
}

HttpResponse ShopperChatApi::typing(const StoredConversation& conversation) const {
    if (auto wait = m_typing_per_conversation.take(conversation.id))
        return rate_limited_response(*wait);
    return typing_response(*m_fan_out, conversation, chat::Author::Shopper, "");
}

} // namespace support::server
