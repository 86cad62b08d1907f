#pragma once
// The shopper's side of chat, called by the widget from the store's page (CORS from the site's
// allowed_origins, middleware/site_cross_origin.h):
//
//   POST /api/v1/sites/{site}/conversations            {"locale","context"}   (protocol/chat_wire.h)
//        → 201 {"id","token","state":"bot","last_seq":0}
//   POST …/conversations/{id}/messages   Authorization: Bearer TOKEN   {"client_id","text","written_ms"}
//        → 201 {"client_id","seq","stored_ms","duplicate":false}; a repeat → 200, the same seq, duplicate
//   GET  …/conversations/{id}/events     Authorization: Bearer TOKEN, or ?token=TOKEN (EventSource
//        cannot set headers); Last-Event-ID or ?last_event_id=SEQ
//        → 200 text/event-stream: the events after that seq, then each as it is stored; the agent's
//          typing as "event: typing"; a heartbeat comment every 15 s (conversation_stream.h)
//   POST …/conversations/{id}/typing     Authorization: Bearer TOKEN → 204 (the agent sees it)
//   POST …/conversations/{id}/handoff    Authorization: Bearer TOKEN {"reason":"shopper_asked"|"not_helpful"}
//        → 200 the stored handed_off event, with "staff_online" (chat_bot.h); 409 chat.state.not_bot
//          when a person was asked for already
//   POST …/conversations/{id}/reply-email  Authorization: Bearer TOKEN   {"email"} → 204: where staff
//        reply when nobody was online (shown beside the transcript)
//
// While the conversation is with the bot, each new shopper message gets the bot's turn before the
// POST is answered (chat_bot.h): its answer or a handoff is stored and on the streams by then. A
// repeated POST gets it again, so a reply lost to a crash between the two is made up (the bot's
// reply has the client id "bot-<seq>": never stored twice).
//
// The token is the shopper's key: the id alone opens nothing. It is made from the system's CSPRNG
// and shown once, in the 201; the store keeps its SHA-256 digest, compared in constant time.
// A message is acknowledged only once it is durable (the store's transaction committed) and then
// announced to every open stream of the conversation.
//
// Errors ({"error":{"code","message","field"}}):
//   400 api.chat_start.*, api.chat_message.*, api.chat_handoff.*, api.chat_reply_email.* (the field
//       at fault), api.stream.bad_last_event_id,
//       chat.* when the conversation's state refuses the message (chat.state.closed)
//   401 api.chat.token_missing        no token
//   403 api.chat.token_wrong          a token, not this conversation's
//   403 api.cors.origin_not_allowed   the page's origin is not in the site's allowed_origins
//   404 api.site.not_found, api.chat.conversation_not_found (on this site)
//   405 api.chat.method_not_allowed (with Allow)
//   409 chat.message.* when a client id was used for another message
//   413 api.chat.too_large            a body over 16 KB
//   415 api.chat.not_json
//   429 api.rate_limited              Retry-After; per client IP (conversations, messages) and per
//                                     conversation (messages, handoffs and addresses; typing)
//   503 storage.read_failed / storage.write_failed / server.busy, with Retry-After

#include "server/chat/chat_bot.h"
#include "server/chat/chat_fan_out.h"
#include "server/content/site_settings.h"
#include "server/http/reply.h"
#include "server/http/response_stream.h"
#include "server/http/service_clocks.h"
#include "server/http/worker_pool.h"
#include "server/middleware/rate_limit.h"
#include "server/storage/storage.h"

#include <cstddef>
#include <map>
#include <memory>
#include <string>

namespace support::server {

inline constexpr std::size_t k_max_chat_body_bytes = 16 * 1024;

struct ChatLimits {
    // A person opens a handful of conversations a day; a script opening thousands is refused.
    RateLimit conversations_per_client_ip{.burst = 10, .per_minute = 6};
    // Fast typists send a few messages a minute; bursts after a reconnect resend the outbox.
    RateLimit messages_per_conversation{.burst = 30, .per_minute = 30};
    RateLimit messages_per_client_ip{.burst = 120, .per_minute = 120};
    RateLimit typing_per_conversation{.burst = 10, .per_minute = 30};
    ResponseStreamOptions stream; // heartbeat and buffer of each event stream
};

class ShopperChatApi : public std::enable_shared_from_this<ShopperChatApi> {
  public:
    // `sites`: every site that has chat, by name. `bot` may be null: conversations stay with the
    // bot, unanswered, until a person joins (tests of the plain API). Create with make_shared: a
    // request keeps the API alive until it is answered.
    ShopperChatApi(std::shared_ptr<Storage> storage, std::shared_ptr<ChatFanOut> fan_out,
                   std::shared_ptr<const ChatBot> bot, std::map<std::string, SiteSettings, std::less<>> sites,
                   std::shared_ptr<WorkerPool> workers, ChatLimits limits = {},
                   ServiceClocks clocks = system_clocks());

    // Any of the routes above (protocol/api_paths.h).
    Reply serve(const HttpRequest& request) const;

  private:
    HttpResponse open(const HttpRequest& request, const std::string& site) const;
    HttpResponse post_message(const HttpRequest& request, const StoredConversation& conversation) const;
    HttpResponse stream_events(const HttpRequest& request, const StoredConversation& conversation) const;
    HttpResponse typing(const StoredConversation& conversation) const;
    HttpResponse hand_off(const HttpRequest& request, const StoredConversation& conversation) const;
    HttpResponse set_reply_email(const HttpRequest& request, const StoredConversation& conversation) const;
    // The bot's turn after the shopper's message `said` (as stored); what it could not do is logged.
    void bot_turn(const StoredConversation& conversation, const chat::ChatEvent& said) const;
    // The conversation the request names, when `token` opens it; else the refusal.
    std::variant<StoredConversation, HttpResponse>
    authorise(const HttpRequest& request, const std::string& site, const std::string& token) const;

    std::shared_ptr<Storage> m_storage;
    std::shared_ptr<ChatFanOut> m_fan_out;
    std::shared_ptr<const ChatBot> m_bot;
    std::map<std::string, SiteSettings, std::less<>> m_sites;
    std::shared_ptr<WorkerPool> m_workers;
    ChatLimits m_limits;
    ServiceClocks m_clocks;
    mutable RateLimiter m_conversations_per_client_ip;
    mutable RateLimiter m_messages_per_conversation;
    mutable RateLimiter m_messages_per_client_ip;
    mutable RateLimiter m_typing_per_conversation;
};

} // namespace support::server
