#pragma once
// Who is signed in to the console: checks the session cookie on start, signs in and out, and goes
// back to the sign-in form when the server says the session has ended (idle, revoked, expired).
//
//   StaffSession session(transport);
//   session.check();                        // Checking → SignedIn or SignedOut
//   session.sign_in("dana@shop.example", password);

#include "console/model/staff_transport.h"

#include <cstdint>
#include <string>

namespace support::console {

enum class SessionState : std::uint8_t { Checking, SignedOut, SigningIn, SignedIn };

class StaffSession {
  public:
    explicit StaffSession(StaffTransport transport);

    void check();
    void sign_in(const std::string& email, const std::string& password);
    void sign_out();
    // A staff request was answered 401: the session is gone.
    void ended(std::string why = "Your session has ended. Sign in again.");

    SessionState state() const { return m_state; }
    const std::string& email() const { return m_email; }
    const std::string& role() const { return m_role; }
    const std::string& csrf_token() const { return m_csrf_token; }
    // Why the last sign-in failed or the session ended, for the sign-in form; "" otherwise.
    const std::string& message() const { return m_message; }

  private:
    // Reads {"staff":{"email","role"},"csrf_token"}; false when the body is not that.
    bool take_session(const std::string& body);

    StaffTransport m_transport;
    SessionState m_state = SessionState::Checking;
    std::string m_email;
    std::string m_role;
    std::string m_csrf_token;
    std::string m_message;
};

} // namespace support::console
