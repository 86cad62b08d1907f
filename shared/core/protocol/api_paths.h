#pragma once
// The paths of support-server's HTTP API, spelled once for the widget that requests them and the
// server that routes them.
//
//   GET|HEAD /api/v1/sites/{site}/content?locale=…   help articles and guides (content_api.h)
//   POST     /api/v1/sites/{site}/feedback           what a shopper tells us (feedback_api.h)
//   POST     /api/v1/sites/{site}/conversations      a chat begins (server/chat/shopper_chat_api.h)
//   POST     …/conversations/{conversation}/messages the shopper writes
//   GET      …/conversations/{conversation}/events   the conversation's live stream (SSE)
//   POST     …/conversations/{conversation}/typing   the shopper is typing
//   POST     …/conversations/{conversation}/handoff  the shopper asks for a person
//   POST     …/conversations/{conversation}/reply-email  where to reply when nobody is online
//   POST     /api/v1/sites/{site}/shopper/forget     delete what one browser gave (shopper_key.h)

#include <optional>
#include <string>
#include <string_view>

namespace support::protocol {

// Route patterns for the server's router: "{site}" matches one path segment.
inline constexpr std::string_view k_content_route = "/api/v1/sites/{site}/content";
inline constexpr std::string_view k_feedback_route = "/api/v1/sites/{site}/feedback";
inline constexpr std::string_view k_conversations_route = "/api/v1/sites/{site}/conversations";
inline constexpr std::string_view k_conversation_messages_route =
    "/api/v1/sites/{site}/conversations/{conversation}/messages";
inline constexpr std::string_view k_conversation_events_route =
    "/api/v1/sites/{site}/conversations/{conversation}/events";
inline constexpr std::string_view k_conversation_typing_route =
    "/api/v1/sites/{site}/conversations/{conversation}/typing";
inline constexpr std::string_view k_conversation_handoff_route =
    "/api/v1/sites/{site}/conversations/{conversation}/handoff";
inline constexpr std::string_view k_conversation_reply_email_route =
    "/api/v1/sites/{site}/conversations/{conversation}/reply-email";
inline constexpr std::string_view k_shopper_forget_route = "/api/v1/sites/{site}/shopper/forget";

// Request-targets for the widget, the site and locale percent-encoded:
// "/api/v1/sites/demo/content?locale=he".
std::string content_target(std::string_view site, std::string_view locale);
std::string feedback_target(std::string_view site);
std::string conversations_target(std::string_view site);
std::string shopper_forget_target(std::string_view site);
// "/api/v1/sites/demo/conversations/ID/messages" for part "messages".
std::string conversation_target(std::string_view site, std::string_view conversation, std::string_view part);

// The site named by an API request-target ("/api/v1/sites/demo/feedback?x" → "demo"), decoded;
// nothing when the target is not under /api/v1/sites/ or the segment's escapes are malformed.
std::optional<std::string> site_of_target(std::string_view target);
// The conversation named by a target under /api/v1/sites/{site}/conversations/ (or, for staff,
// /api/v1/staff/conversations/), decoded; nothing otherwise.
std::optional<std::string> conversation_of_target(std::string_view target);

} // namespace support::protocol
