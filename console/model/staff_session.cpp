#include "console/model/staff_session.h"

#include <nlohmann/json.hpp>

namespace support::console {

namespace {

constexpr const char* k_session_url = "/api/v1/staff/session";

std::string sign_in_failure(const StaffAnswer& answer) {
    const std::string code = error_code(answer);
    if (code == "api.staff.bad_credentials")
        return "That e-mail address and password do not match an account.";
    if (code == "api.staff.throttled")
        return "Too many attempts. Wait a minute, then try again.";
    return failure_message(answer);
}

} // namespace

StaffSession::StaffSession(StaffTransport transport) : m_transport(std::move(transport)) {}

bool StaffSession::take_session(const std::string& body) {
    const auto json = nlohmann::json::parse(body, nullptr, false);
    if (!json.is_object() || !json.contains("staff") || !json["staff"].is_object() ||
        !json.contains("csrf_token") || !json["csrf_token"].is_string())
        return false;
    const auto& staff = json["staff"];
    m_email = staff.contains("email") && staff["email"].is_string() ? staff["email"].get<std::string>() : "";
    m_role = staff.contains("role") && staff["role"].is_string() ? staff["role"].get<std::string>() : "";
    m_csrf_token = json["csrf_token"].get<std::string>();
    return true;
}

void StaffSession::check() {
    m_state = SessionState::Checking;
    m_transport({"GET", k_session_url, {}, {}}, [this](StaffAnswer answer) {
        if (answer.status == 200 && take_session(answer.body)) {
            m_state = SessionState::SignedIn;
            m_message.clear();
            return;
        }
        m_state = SessionState::SignedOut;
        m_message = answer.status == 401 ? "" : failure_message(answer);
    });
}

void StaffSession::sign_in(const std::string& email, const std::string& password) {
    if (m_state == SessionState::SigningIn)
        return;
    m_state = SessionState::SigningIn;
    m_message.clear();
    const std::string body = nlohmann::json{{"email", email}, {"password", password}}.dump(
        -1, ' ', false, nlohmann::json::error_handler_t::replace);
    m_transport({"POST", k_session_url, body, {}}, [this](StaffAnswer answer) {
        if (answer.status == 200 && take_session(answer.body)) {
            m_state = SessionState::SignedIn;
            return;
        }
        m_state = SessionState::SignedOut;
        m_message = sign_in_failure(answer);
    });
}

void StaffSession::sign_out() {
    const std::string csrf = m_csrf_token;
    m_state = SessionState::SignedOut;
    m_csrf_token.clear();
    m_message = "You are signed out.";
    m_transport({"DELETE", k_session_url, {}, csrf}, [](StaffAnswer) {});
}

void StaffSession::ended(std::string why) {
    m_state = SessionState::SignedOut;
    m_csrf_token.clear();
    m_message = std::move(why);
}

} // namespace support::console
