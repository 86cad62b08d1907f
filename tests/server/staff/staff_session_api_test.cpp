#include "catch_amalgamated.hpp"

#include "server/staff/password_hashing.h"
#include "server/staff/staff_session_api.h"
#include "temp_dir.h"

#include <nlohmann/json.hpp>

using namespace support::server;
using support::server::test::TempDir;

namespace {

const std::string k_password = "correct horse battery staple";

struct ApiBench {
    TempDir dir;
    std::shared_ptr<Storage> storage = open_storage((dir.path() / "support.db").string()).value();
    std::shared_ptr<StaffSessions> sessions = std::make_shared<StaffSessions>(storage);
    StaffSessionApi api{sessions};

    ApiBench() {
        const PasswordHashCost cheap{.memory_kib = 64, .passes = 1, .lanes = 1};
        REQUIRE(storage
                    ->add_staff(
                        {"dana@shop.example", StaffRole::Admin, hash_password(k_password, cheap).value(), 0})
                    .has_value());
    }

    static HttpRequest request(std::string method, std::string body = {}, HeaderList headers = {}) {
        HttpRequest r;
        r.method = std::move(method);
        r.target = "/api/v1/staff/session";
        r.headers = std::move(headers);
        r.headers.emplace_back("Host", "127.0.0.1:8080");
        r.body = std::move(body);
        r.remote_address = "127.0.0.1";
        return r;
    }

    HttpResponse sign_in(const std::string& password, HeaderList extra = {}) {
        extra.emplace_back("Content-Type", "application/json");
        return api.serve(
            request("POST", nlohmann::json{{"email", "dana@shop.example"}, {"password", password}}.dump(),
                    std::move(extra)));
    }
};

std::string code_of(const HttpResponse& response) {
    return nlohmann::json::parse(response.body).at("error").at("code");
}

// "sw_staff_session=TOKEN" from a Set-Cookie value.
std::string cookie_pair(const HttpResponse& response) {
    const std::string set_cookie(response.header("Set-Cookie"));
    return set_cookie.substr(0, set_cookie.find(';'));
}

} // namespace

TEST_CASE("staff API: sign-in sets an HttpOnly SameSite=Strict cookie and answers who and the CSRF token",
          "[staff][api]") {
    ApiBench bench;
    const HttpResponse in = bench.sign_in(k_password);
    REQUIRE(in.status == 200);
    const std::string set_cookie(in.header("Set-Cookie"));
    CHECK(set_cookie.starts_with("sw_staff_session="));
    CHECK(set_cookie.find("; HttpOnly") != std::string::npos);
    CHECK(set_cookie.find("; SameSite=Strict") != std::string::npos);
    CHECK(set_cookie.find("; Path=/") != std::string::npos);
    CHECK(in.header("Cache-Control") == "no-store");
    CHECK_FALSE(in.has_header("Access-Control-Allow-Origin"));
    const auto body = nlohmann::json::parse(in.body);
    CHECK(body["staff"]["email"] == "dana@shop.example");
    CHECK(body["staff"]["role"] == "admin");
    CHECK(in.body.find(k_password) == std::string::npos);

    const HttpResponse who =
        bench.api.serve(ApiBench::request("GET", {}, {{"Cookie", "theme=dark; " + cookie_pair(in)}}));
    CHECK(who.status == 200);
    CHECK(nlohmann::json::parse(who.body)["csrf_token"] == body["csrf_token"]);
}

TEST_CASE("staff API: no session is 401, a wrong password 401 without saying which part was wrong",
          "[staff][api]") {
    ApiBench bench;
    const HttpResponse none = bench.api.serve(ApiBench::request("GET"));
    CHECK(none.status == 401);
    CHECK(code_of(none) == "api.staff.not_signed_in");
    const HttpResponse wrong = bench.sign_in("not the password");
    CHECK(wrong.status == 401);
    CHECK(code_of(wrong) == "api.staff.bad_credentials");
    CHECK_FALSE(wrong.has_header("Set-Cookie"));
    CHECK(wrong.body.find("not the password") == std::string::npos);
    const HttpResponse forged =
        bench.api.serve(ApiBench::request("GET", {}, {{"Cookie", "sw_staff_session=forged"}}));
    CHECK(forged.status == 401);
}

TEST_CASE("staff API: sign-out needs the CSRF token, and the session stops working at once", "[staff][api]") {
    ApiBench bench;
    const HttpResponse in = bench.sign_in(k_password);
    const std::string csrf = nlohmann::json::parse(in.body)["csrf_token"];
    const std::string cookie = cookie_pair(in);

    const HttpResponse no_token = bench.api.serve(ApiBench::request("DELETE", {}, {{"Cookie", cookie}}));
    CHECK(no_token.status == 403);
    CHECK(code_of(no_token) == "api.staff.csrf_mismatch");
    const HttpResponse wrong_token =
        bench.api.serve(ApiBench::request("DELETE", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf + "x"}}));
    CHECK(wrong_token.status == 403);
    CHECK(bench.api.serve(ApiBench::request("GET", {}, {{"Cookie", cookie}})).status == 200);

    const HttpResponse out =
        bench.api.serve(ApiBench::request("DELETE", {}, {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}));
    CHECK(out.status == 204);
    CHECK(std::string(out.header("Set-Cookie")).find("Max-Age=0") != std::string::npos);
    CHECK(bench.api.serve(ApiBench::request("GET", {}, {{"Cookie", cookie}})).status == 401);
}

TEST_CASE("staff API: other origins are refused and repeated bad passwords are throttled with Retry-After",
          "[staff][api]") {
    ApiBench bench;
    const HttpResponse foreign = bench.sign_in(k_password, {{"Origin", "https://shop.example"}});
    CHECK(foreign.status == 403);
    CHECK(code_of(foreign) == "api.staff.cross_origin");
    CHECK(bench.sign_in(k_password, {{"Origin", "http://127.0.0.1:8080"}}).status == 200); // its own origin
    const HttpResponse cross_site = bench.sign_in(k_password, {{"Sec-Fetch-Site", "cross-site"}});
    CHECK(cross_site.status == 403);

    for (int i = 0; i < 5; ++i) // the sign-in above used up none of the account's attempts
        CHECK(bench.sign_in("guess").status == 401);
    const HttpResponse throttled = bench.sign_in(k_password);
    CHECK(throttled.status == 429);
    CHECK(code_of(throttled) == "api.staff.throttled");
    CHECK(std::stoi(std::string(throttled.header("Retry-After"))) >= 1);

    const HttpResponse not_json =
        bench.api.serve(ApiBench::request("POST", "email=dana", {{"Content-Type", "text/plain"}}));
    CHECK(not_json.status == 415);
    const HttpResponse missing = bench.api.serve(ApiBench::request("POST", R"({"email":"dana@shop.example"})",
                                                                   {{"Content-Type", "application/json"}}));
    CHECK(missing.status == 400);
    CHECK(nlohmann::json::parse(missing.body)["error"]["field"] == "/password");
    CHECK(bench.api.serve(ApiBench::request("PUT")).status == 405);
}

TEST_CASE("staff API: behind TLS the session cookie is Secure, when signing in and out", "[staff][api]") {
    ApiBench bench;
    const StaffSessionApi secure(bench.sessions, StaffCookieOptions{.secure = true});
    auto request = ApiBench::request(
        "POST", nlohmann::json{{"email", "dana@shop.example"}, {"password", k_password}}.dump(),
        {{"Content-Type", "application/json"}});
    const HttpResponse in = secure.serve(request);
    REQUIRE(in.status == 200);
    CHECK(std::string(in.header("Set-Cookie")).ends_with("; Secure"));
    CHECK(std::string(bench.sign_in(k_password).header("Set-Cookie")).find("Secure") == std::string::npos);
}
