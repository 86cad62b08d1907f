// The staff API as a running support-server answers it: an account made as `staff add` makes it,
// signing in over HTTP, triage, and the password nowhere in the log or the answers.

#include "catch_amalgamated.hpp"

#include "child_process.h"
#include "server/staff/password_hashing.h"
#include "store_fixtures.h"
#include "support_server_process.h"
#include "wire_client.h"

#include <nlohmann/json.hpp>

#include <csignal>

using namespace support::server;
using namespace support::server::test;
using namespace std::chrono_literals;

namespace {

const std::string k_binary = SW_SUPPORT_SERVER_PATH;
const std::string k_password = "orange kettle 9 lighthouse";

WireRequest request_with_body(std::string_view method, std::string_view target, const HeaderList& headers,
                              std::string_view body) {
    std::string raw = std::string(method) + " " + std::string(target) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    for (const auto& [name, value] : headers)
        raw += name + ": " + value + "\r\n";
    raw += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
    raw += body;
    return WireRequest{raw};
}

} // namespace

TEST_CASE(
    "serve: staff sign in over HTTP, find a shopper's feedback, resolve it; the password is never logged",
    "[cli][staff]") {
    StoreLocation location;
    std::int64_t feedback_id = 0;
    {
        auto storage = location.open().value();
        REQUIRE(
            storage->add_staff({"dana@shop.example", StaffRole::Agent, hash_password(k_password).value(), 0})
                .has_value());
        feedback_id =
            insert(*storage, article_vote("demo", 1, false, "Nothing about Eilat")).value().feedback_id;
    }
    location.dir().write("site/index.html", "<h1>Demo shop</h1>");
    ChildProcess child({k_binary, "serve", "--port", "0", "--log", "--root",
                        (location.dir().path() / "site").string(), "--db", location.spec()});
    const auto port = read_listening_port(child);

    const auto signed_in = exchange_one(
        port,
        request_with_body("POST", "/api/v1/staff/session", {},
                          nlohmann::json{{"email", "dana@shop.example"}, {"password", k_password}}.dump()));
    REQUIRE(signed_in.status == 200);
    const std::string set_cookie(signed_in.header("Set-Cookie"));
    const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
    const std::string csrf = nlohmann::json::parse(signed_in.body).at("csrf_token");

    const auto list = http_get(port, "/api/v1/staff/feedback?helpful=no", {{"Cookie", cookie}});
    REQUIRE(list.status == 200);
    const auto items = nlohmann::json::parse(list.body).at("items");
    REQUIRE(items.size() == 1);
    CHECK(items[0]["submission"]["comment"] == "Nothing about Eilat");

    const std::string item = "/api/v1/staff/feedback/" + std::to_string(feedback_id);
    const auto resolved = exchange_one(port, request_with_body("POST", item + "/status",
                                                               {{"Cookie", cookie}, {"X-CSRF-Token", csrf}},
                                                               R"({"status":"resolved"})"));
    CHECK(resolved.status == 200);
    CHECK(nlohmann::json::parse(http_get(port, item, {{"Cookie", cookie}}).body)["status"] == "resolved");
    CHECK(http_get(port, item).status == 401);

    child.send_signal(SIGTERM);
    REQUIRE(child.wait_for_exit(10s) == std::optional<int>(0));
    const std::string out = child.rest_of_stdout();
    const std::string err = child.rest_of_stderr();
    CHECK(err.find("POST /api/v1/staff/session 200") != std::string::npos); // the log is on
    CHECK(out.find(k_password) == std::string::npos);
    CHECK(err.find(k_password) == std::string::npos);
    CHECK(err.find(cookie.substr(cookie.find('=') + 1)) == std::string::npos); // nor the session token
    CHECK(signed_in.body.find(k_password) == std::string::npos);
}
