#pragma once
// /api/v1/staff/session: staff sign in, see who they are, and sign out. Same-origin only: a request
// whose Origin is not this server's (or whose Sec-Fetch-Site says another site) is refused, and no
// CORS header is ever sent.
//
//   POST   {"email","password"} → 200 {"staff":{"email","role"},"csrf_token","expires_at_ms"}
//          with Set-Cookie: sw_staff_session=…; Path=/; HttpOnly; SameSite=Strict (+ Secure
//          behind TLS); 401 api.staff.bad_credentials, 429 api.staff.throttled (Retry-After),
//          400 api.staff.bad_request (field), 413, 415
//   GET    → 200 the same body for the session's cookie, or 401 api.staff.not_signed_in
//   DELETE → 204, the session ended and the cookie cleared; needs X-CSRF-Token
//
// Every state-changing staff request (sign-out now, the staff API later) carries the session's
// CSRF token in X-CSRF-Token: missing or wrong → 403 api.staff.csrf_mismatch. All answers are
// Cache-Control: no-store. The password is never logged or echoed.

#include "server/http/http_message.h"
#include "server/staff/staff_sessions.h"

#include <memory>
#include <string_view>
#include <variant>

namespace support::server {

inline constexpr std::string_view k_staff_session_route = "/api/v1/staff/session";
inline constexpr std::string_view k_staff_session_cookie = "sw_staff_session";

struct StaffCookieOptions {
    bool secure = false; // add Secure: the server is reached over HTTPS (behind a TLS proxy)
};

class StaffSessionApi {
  public:
    StaffSessionApi(std::shared_ptr<StaffSessions> sessions, StaffCookieOptions cookie = {});

    HttpResponse serve(const HttpRequest& request) const;

    // For staff endpoints: the signed-in session (CSRF checked for methods that change state), or
    // the response that refuses the request (403 cross-origin or CSRF, 401, 503).
    std::variant<StaffSession, HttpResponse> require_session(const HttpRequest& request) const;

  private:
    HttpResponse sign_in(const HttpRequest& request) const;
    HttpResponse sign_out(const HttpRequest& request) const;

    std::shared_ptr<StaffSessions> m_sessions;
    StaffCookieOptions m_cookie;
};

// The value of cookie `name` in the request's Cookie header(s); empty when absent.
std::string request_cookie(const HttpRequest& request, std::string_view name);

} // namespace support::server
