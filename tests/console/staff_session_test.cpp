#include "catch_amalgamated.hpp"

#include "console/model/staff_session.h"
#include "scripted_server.h"

using namespace support::console;
using support::console::test::ScriptedServer;

namespace {

const std::string k_signed_in =
    R"({"staff":{"email":"dana@shop.example","role":"agent"},"csrf_token":"tok","expires_at_ms":1})";

} // namespace

TEST_CASE("console session: a live cookie signs the console in at start; none shows the form quietly",
          "[console][session]") {
    ScriptedServer server;
    StaffSession session(server.transport());
    session.check();
    CHECK(session.state() == SessionState::Checking);
    CHECK(server.answer(200, k_signed_in).url == "/api/v1/staff/session");
    CHECK(session.state() == SessionState::SignedIn);
    CHECK(session.email() == "dana@shop.example");
    CHECK(session.csrf_token() == "tok");

    StaffSession fresh(server.transport());
    fresh.check();
    server.answer(401, R"({"error":{"code":"api.staff.not_signed_in","message":"sign in first"}})");
    CHECK(fresh.state() == SessionState::SignedOut);
    CHECK(fresh.message().empty());
}

TEST_CASE("console session: signing in posts the address and password once and says why it failed",
          "[console][session]") {
    ScriptedServer server;
    StaffSession session(server.transport());
    session.sign_in("dana@shop.example", "wrong password");
    session.sign_in("dana@shop.example", "wrong password"); // a double click sends one request
    REQUIRE(server.waiting() == 1);
    const auto request =
        server.answer(401, R"({"error":{"code":"api.staff.bad_credentials","message":"x"}})");
    CHECK(request.method == "POST");
    CHECK(request.json_body == R"({"email":"dana@shop.example","password":"wrong password"})");
    CHECK(session.state() == SessionState::SignedOut);
    CHECK(session.message() == "That e-mail address and password do not match an account.");

    session.sign_in("dana@shop.example", "x");
    server.answer(429, R"({"error":{"code":"api.staff.throttled","message":"too many"}})");
    CHECK(session.message() == "Too many attempts. Wait a minute, then try again.");
    session.sign_in("dana@shop.example", "x");
    server.answer(0, "Failed to fetch");
    CHECK(session.message() == "The server cannot be reached. Check the connection and try again.");

    session.sign_in("dana@shop.example", "right");
    server.answer(200, k_signed_in);
    CHECK(session.state() == SessionState::SignedIn);
    CHECK(session.message().empty());
}

TEST_CASE("console session: signing out sends the CSRF token; an ended session returns to the form",
          "[console][session]") {
    ScriptedServer server;
    StaffSession session(server.transport());
    session.sign_in("dana@shop.example", "right");
    server.answer(200, k_signed_in);
    session.sign_out();
    CHECK(session.state() == SessionState::SignedOut);
    const auto request = server.answer(204, "");
    CHECK(request.method == "DELETE");
    CHECK(request.csrf_token == "tok");
    CHECK(session.csrf_token().empty());

    session.sign_in("dana@shop.example", "right");
    server.answer(200, k_signed_in);
    session.ended();
    CHECK(session.state() == SessionState::SignedOut);
    CHECK(session.message() == "Your session has ended. Sign in again.");
}
