#include "server/staff/staff_session_api.h"

#include "server/http/client_address.h"
#include "server/http/json_error.h"
#include "server/staff/session_token.h"

#include <nlohmann/json.hpp>

namespace support::server {

namespace {

constexpr std::size_t k_max_sign_in_body = 4096;

HttpResponse no_store(HttpResponse response) {
    response.set_header("Cache-Control", "no-store");
    return response;
}

HttpResponse refuse(unsigned status, std::string code, std::string message, std::string field = {}) {
    return no_store(
        error_response(status, make_error(std::move(code), std::move(message), std::move(field))));
}

// Same-origin only: an Origin naming another host (or Sec-Fetch-Site saying another site) is refused.
bool from_another_origin(const HttpRequest& request) {
    const std::string fetch_site = request.header("Sec-Fetch-Site");
    if (!fetch_site.empty() && fetch_site != "same-origin" && fetch_site != "none")
        return true;
    const std::string origin = request.header("Origin");
    if (origin.empty())
        return false;
    const std::string host = request.header("Host");
    return origin != "http://" + host && origin != "https://" + host;
}

std::string session_json(const StaffAccount& staff, std::string_view csrf, std::int64_t expires_at_ms) {
    return nlohmann::json{{"staff", {{"email", staff.email}, {"role", staff_role_name(staff.role)}}},
                          {"csrf_token", csrf},
                          {"expires_at_ms", expires_at_ms}}
        .dump();
}

bool changes_state(const HttpRequest& request) {
    return request.method != "GET" && request.method != "HEAD" && request.method != "OPTIONS";
}

} // namespace

std::string request_cookie(const HttpRequest& request, std::string_view name) {
    const std::string cookies = request.header("Cookie");
    std::size_t start = 0;
    while (start <= cookies.size()) {
        std::size_t end = cookies.find_first_of(";,", start);
        if (end == std::string::npos)
            end = cookies.size();
        const std::string_view pair =
            trim_optional_whitespace(std::string_view(cookies).substr(start, end - start));
        const auto equals = pair.find('=');
        if (equals != std::string_view::npos && pair.substr(0, equals) == name)
            return std::string(pair.substr(equals + 1));
        start = end + 1;
    }
    return {};
}

StaffSessionApi::StaffSessionApi(std::shared_ptr<StaffSessions> sessions, StaffCookieOptions cookie)
    : m_sessions(std::move(sessions)), m_cookie(cookie) {}

std::variant<StaffSession, HttpResponse> StaffSessionApi::require_session(const HttpRequest& request) const {
    if (from_another_origin(request))
        return refuse(403, "api.staff.cross_origin",
                      "staff requests are answered only from this server's own pages");
    auto session = m_sessions->resolve(request_cookie(request, k_staff_session_cookie));
    if (!session)
        return refuse(503, session.error().code, "the session could not be checked; try again");
    if (!*session)
        return refuse(401, "api.staff.not_signed_in", "sign in first");
    if (changes_state(request) && !secrets_equal(request.header("X-CSRF-Token"), (*session)->csrf_token))
        return refuse(403, "api.staff.csrf_mismatch", "the request lacks this session's X-CSRF-Token",
                      "X-CSRF-Token");
    return std::move(**session);
}

HttpResponse StaffSessionApi::serve(const HttpRequest& request) const {
    if (request.method == "POST") {
        if (from_another_origin(request))
            return refuse(403, "api.staff.cross_origin", "staff sign in only on this server's own pages");
        return sign_in(request);
    }
    if (request.method == "DELETE")
        return sign_out(request);
    if (request.method == "GET" || request.method == "HEAD") {
        auto session = require_session(request);
        if (auto* refused = std::get_if<HttpResponse>(&session))
            return std::move(*refused);
        const auto& live = std::get<StaffSession>(session);
        HttpResponse response;
        response.set_header("Content-Type", "application/json");
        response.body =
            session_json(live.staff, live.csrf_token, live.created_at_ms + m_sessions->policy().absolute_ms);
        return no_store(std::move(response));
    }
    HttpResponse refused = refuse(405, "api.staff.method_not_allowed", "use GET, POST or DELETE");
    refused.set_header("Allow", "GET, HEAD, POST, DELETE");
    return refused;
}

HttpResponse StaffSessionApi::sign_in(const HttpRequest& request) const {
    if (request.body.size() > k_max_sign_in_body)
        return refuse(413, "api.staff.too_large", "a sign-in body is at most 4 KB");
    if (!request.header("Content-Type").starts_with("application/json"))
        return refuse(415, "api.staff.not_json", "send the sign-in as application/json");
    const auto body = nlohmann::json::parse(request.body, nullptr, false);
    if (body.is_discarded() || !body.is_object())
        return refuse(400, "api.staff.bad_request", "the body must be a JSON object", "");
    for (const char* field : {"email", "password"}) {
        if (!body.contains(field) || !body[field].is_string())
            return refuse(400, "api.staff.bad_request", std::string("\"") + field + "\" must be a string",
                          std::string("/") + field);
    }
    const auto outcome =
        m_sessions->sign_in(body["email"].get<std::string>(), body["password"].get<std::string>(),
                            address_block(request.remote_address));
    if (const auto* refused = std::get_if<SignInRefused>(&outcome)) {
        if (refused->error.code == "api.staff.throttled") {
            HttpResponse response = no_store(error_response(429, refused->error));
            response.set_header("Retry-After",
                                std::to_string((refused->retry_after_ms.value_or(1000) + 999) / 1000));
            return response;
        }
        const unsigned status = refused->error.code == "api.staff.bad_credentials" ? 401 : 503;
        return no_store(error_response(status, refused->error));
    }
    const auto& in = std::get<SignedIn>(outcome);
    HttpResponse response;
    response.set_header("Content-Type", "application/json");
    response.set_header("Set-Cookie", std::string(k_staff_session_cookie) + "=" + in.token +
                                          "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                                          std::to_string(m_sessions->policy().absolute_ms / 1000) +
                                          (m_cookie.secure ? "; Secure" : ""));
    response.body = session_json(in.staff, in.csrf_token, in.expires_at_ms);
    return no_store(std::move(response));
}

HttpResponse StaffSessionApi::sign_out(const HttpRequest& request) const {
    auto session = require_session(request);
    if (auto* refused = std::get_if<HttpResponse>(&session))
        return std::move(*refused);
    if (auto ended = m_sessions->sign_out(request_cookie(request, k_staff_session_cookie)); !ended)
        return refuse(503, ended.error().code, "the session could not be ended; try again");
    HttpResponse response;
    response.status = 204;
    response.set_header("Set-Cookie", std::string(k_staff_session_cookie) +
                                          "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
                                          (m_cookie.secure ? "; Secure" : ""));
    return no_store(std::move(response));
}

} // namespace support::server
