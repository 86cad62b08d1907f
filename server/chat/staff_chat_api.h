#pragma once
// The staff's side of chat, for the console: same-origin, signed-in staff only
// (StaffSessionApi::require_session: 401 without a session, 403 from another origin or without the
// session's X-CSRF-Token on a POST), never cached, run on the worker pool.
//
//   GET  /api/v1/staff/conversations[?state=waiting|agent|bot]
//        → {"items":[{"id","site","state","agent","locale","page_url","reply_email","context","last_seq",
//                     "created_at_ms","updated_at_ms"}…], "online":[{"id","email"}…]}
//          (reply_email: left by the shopper when nobody was online; "" when none; context: what the
//          page knew when the chat began — {"page":{"url","title"},"viewport","product","cart","order"})
//          open conversations of every site, most recently active first; without state= the ones
//          that need a person (waiting and agent)
//   GET  /api/v1/staff/conversations/{id}         → {"conversation":{…},"events":[…]} (the transcript)
//   GET  /api/v1/staff/conversations/{id}/events  → the conversation's stream (conversation_stream.h),
//                                                   the shopper's typing as "event: typing"
//   POST /api/v1/staff/conversations/{id}/join    {"label":"Dana"} (optional: the name the shopper
//        sees; the address's first part, capitalised, without it) → 200 the agent_joined event
//   POST /api/v1/staff/conversations/{id}/messages {"client_id","text","written_ms"}
//        → 201 the receipt (200 for a repeat), the message signed with the agent's label
//   POST /api/v1/staff/conversations/{id}/close   → 200 the closed event
//   POST /api/v1/staff/conversations/{id}/typing  → 204; the shopper sees "Dana is typing"
//   GET  /api/v1/staff/inbox/events → a stream of the inbox's changes: "event: conversation" with
//        {"id","site","seq","kind"} for each event stored in any conversation; holding it open
//        marks the member online (staff_presence.h)
//
// Errors: 404 api.staff.conversation_not_found, 400 api.chat_message.* / api.staff.bad_request /
// api.staff.bad_filter (with the field), 409 chat.state.* (a reply before joining, a closed
// conversation) and api.chat.client_id_reused, 405 api.staff.method_not_allowed, 413
// api.staff.too_large, 415 api.staff.not_json, 503 storage.* (Retry-After).

#include "server/chat/chat_fan_out.h"
#include "server/chat/staff_presence.h"
#include "server/http/reply.h"
#include "server/http/response_stream.h"
#include "server/http/service_clocks.h"
#include "server/http/worker_pool.h"
#include "server/staff/staff_session_api.h"
#include "server/storage/storage.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace support::server {

inline constexpr std::string_view k_staff_conversations_route = "/api/v1/staff/conversations";
inline constexpr std::string_view k_staff_inbox_events_route = "/api/v1/staff/inbox/events";
// Open conversations listed per site at most.
inline constexpr std::size_t k_max_listed_conversations = 500;

class StaffChatApi : public std::enable_shared_from_this<StaffChatApi> {
  public:
    // `sites`: the sites whose conversations the inbox shows. Create with make_shared.
    StaffChatApi(std::shared_ptr<Storage> storage, std::shared_ptr<ChatFanOut> fan_out,
                 std::shared_ptr<StaffPresence> presence, std::shared_ptr<const StaffSessionApi> sessions,
                 std::vector<std::string> sites, std::shared_ptr<WorkerPool> workers,
                 ResponseStreamOptions stream_options = {}, ServiceClocks clocks = system_clocks());

    // Any path under k_staff_conversations_route, and the inbox stream.
    Reply serve(const HttpRequest& request) const;

  private:
    HttpResponse answer(const HttpRequest& request) const;
    HttpResponse list(const HttpRequest& request) const;
    HttpResponse inbox_stream(const StaffSession& session) const;
    HttpResponse conversation(const HttpRequest& request, const StaffSession& session,
                              std::string_view action) const;

    std::shared_ptr<Storage> m_storage;
    std::shared_ptr<ChatFanOut> m_fan_out;
    std::shared_ptr<StaffPresence> m_presence;
    std::shared_ptr<const StaffSessionApi> m_sessions;
    std::vector<std::string> m_sites;
    std::shared_ptr<WorkerPool> m_workers;
    ResponseStreamOptions m_stream_options;
    ServiceClocks m_clocks;
};

// The name a shopper sees for a member who gave none: "dana.levi@shop.example" → "Dana".
std::string default_agent_label(std::string_view email);

} // namespace support::server
