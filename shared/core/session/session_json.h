#pragma once
// The session as one JSON document (localStorage under the site-scoped key "session", and the
// message another tab receives), with a schema version:
//
//   {"v":1,"clock":12,
//    "panel_open":{"value":true,"clock":9,"tab":"t-3f"},
//    "views":{"value":["home","chat"],"clock":11,"tab":"t-3f"},
//    "search_query":{"value":"refund","clock":4,"tab":"t-9a"},
//    "guide":{"value":{"v":1,"guide_id":"apply-coupon","step_id":"enter-code",…},"clock":7,"tab":"t-3f"},
//    "chat":{"value":{"conversation_id":"…","token":"…","seen_seq":5},"clock":12,"tab":"t-9a"}}
//
// (The guide's value is its progress as shared/core/guide/guide_progress.h writes it.)
//
// Reading checks every field: anything else — another version, truncated JSON, a foreign value —
// is an error value (session.saved.*, with the JSON pointer at fault) the caller answers by
// starting clean with one warning; never a crash, never half a session.

#include "shared/core/result.h"
#include "shared/core/session/session_state.h"

#include <string>
#include <string_view>

namespace support::session {

inline constexpr int k_session_version = 1;
inline constexpr std::size_t k_max_session_bytes = 512 * 1024;

std::string serialize_session(const Session& session);
// Errors: session.saved.too_large, session.saved.invalid_json, session.saved.unsupported_version
// (field "v"), session.saved.bad_shape (field: the JSON pointer at fault).
Result<Session> parse_session(std::string_view text);

} // namespace support::session
