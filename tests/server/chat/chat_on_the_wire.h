#pragma once
// The chat APIs on a real loopback server for tests: the route table, a SQLite store in a
// temporary folder, the worker pool, in-process fan-out and staff presence; shoppers and staff
// talk through HTTP requests and Server-Sent Event streams as the widget and the console do.

#include "catch_amalgamated.hpp"

#include "event_stream_client.h"
#include "running_server.h"
#include "server/chat/chat_bot.h"
#include "server/chat/in_process_chat_fan_out.h"
#include "server/routes.h"
#include "server/staff/password_hashing.h"
#include "shared/core/protocol/api_paths.h"
#include "store_fixtures.h"
#include "wire_client.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace support::server::test {

using nlohmann::json;

inline const std::string k_password = "correct horse battery staple";
inline const std::string k_store_origin = "http://127.0.0.1:9";

struct Opened {
    std::string id;
    std::string token;
};

class ChatOnTheWire {
  public:
    // With `bot_content`, conversations have the bot of that content (chat_bot.h); without, they
    // stay with a silent bot until a person joins.
    explicit ChatOnTheWire(ChatLimits limits = {}, std::optional<std::vector<SiteContent>> bot_content = {}) {
        const PasswordHashCost cheap{.memory_kib = 64, .passes = 1, .lanes = 1};
        REQUIRE(storage
                    ->add_staff({"dana.levi@shop.example", StaffRole::Agent,
                                 hash_password(k_password, cheap).value(), 0})
                    .has_value());
        auto settings = parse_site_settings(R"({"allowed_origins":["http://127.0.0.1:9"]})").settings;
        std::map<std::string, SiteSettings, std::less<>> sites{{"demo", settings}, {"other", settings}};
        auto files = StaticFiles::open({});
        REQUIRE(files.has_value());
        auto sessions = std::make_shared<const StaffSessionApi>(std::make_shared<StaffSessions>(storage));
        RouteHandlers handlers{};
        handlers.static_files = std::make_shared<const StaticFiles>(std::move(*files));
        handlers.staff_session = sessions;
        handlers.workers = workers;
        handlers.shopper_chat = std::make_shared<const ShopperChatApi>(
            storage, fan_out, bot_content ? std::make_shared<const ChatBot>(*bot_content, presence) : nullptr,
            sites, workers, limits);
        handlers.staff_chat = std::make_shared<const StaffChatApi>(
            storage, fan_out, presence, sessions, std::vector<std::string>{"demo", "other"}, workers);
        auto router = std::make_shared<Router>(make_routes(std::move(handlers)));
        running = std::make_unique<RunningServer>(
            [router](const HttpRequest& request) { return router->handle(request); });
    }
    ~ChatOnTheWire() {
        running->stop();
        workers->stop();
    }

    std::uint16_t port() const { return running->port(); }

    WireResponse request(std::string_view method, std::string_view target, std::string_view body = {},
                         const HeaderList& headers = {}) {
        std::string raw = std::string(method) + " " + std::string(target) +
                          " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port()) + "\r\n";
        for (const auto& [name, value] : headers)
            raw += name + ": " + value + "\r\n";
        if (!body.empty())
            raw += "Content-Type: application/json\r\n";
        raw += "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + std::string(body);
        return exchange_one(port(), WireRequest{std::move(raw), false});
    }

    Opened open(std::string_view site = "demo", std::string_view locale = "he") {
        const json start = {{"locale", locale},
                            {"context", {{"page", {{"url", "https://shop.example/cart?e=1"}}}}}};
        const auto response = request("POST", protocol::conversations_target(site), start.dump());
        INFO(response.body);
        REQUIRE(response.status == 201);
        const auto body = json::parse(response.body);
        return {body.at("id").get<std::string>(), body.at("token").get<std::string>()};
    }

    WireResponse say(const Opened& chat, std::string_view client_id, std::string_view text,
                     std::string_view token = {}) {
        const json body = {{"client_id", client_id}, {"text", text}, {"written_ms", 1'764'900'000'000}};
        return request("POST", protocol::conversation_target("demo", chat.id, "messages"), body.dump(),
                       {{"Authorization", "Bearer " + std::string(token.empty() ? chat.token : token)}});
    }

    std::unique_ptr<EventStreamClient> listen(const Opened& chat, const HeaderList& extra = {}) {
        HeaderList headers{{"Authorization", "Bearer " + chat.token}};
        headers.insert(headers.end(), extra.begin(), extra.end());
        return std::make_unique<EventStreamClient>(
            port(), protocol::conversation_target("demo", chat.id, "events"), headers);
    }

    // Signs the agent in; the console's headers from then on.
    HeaderList sign_in() {
        const auto in = request("POST", "/api/v1/staff/session",
                                json{{"email", "dana.levi@shop.example"}, {"password", k_password}}.dump());
        REQUIRE(in.status == 200);
        const std::string set_cookie(in.header("Set-Cookie"));
        return {{"Cookie", set_cookie.substr(0, set_cookie.find(';'))},
                {"X-CSRF-Token", json::parse(in.body).at("csrf_token")}};
    }

    StoreLocation location;
    std::shared_ptr<Storage> storage = location.open().value();
    std::shared_ptr<WorkerPool> workers = std::make_shared<WorkerPool>(2);
    std::shared_ptr<InProcessChatFanOut> fan_out = std::make_shared<InProcessChatFanOut>();
    std::shared_ptr<StaffPresence> presence = std::make_shared<StaffPresence>();
    std::unique_ptr<RunningServer> running;
};

inline json data_of(const std::optional<StreamEvent>& event) {
    REQUIRE(event);
    return json::parse(event->data);
}

} // namespace support::server::test
