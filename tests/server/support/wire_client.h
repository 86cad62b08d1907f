#pragma once
// A small HTTP/1.1 client for end-to-end tests: sends requests exactly as written (no
// normalisation of the target, so traversal forms reach the server as-is) over one connection to
// 127.0.0.1 and reads the responses with Boost.Beast. Every call is bounded by a timeout.

#include "server/http/http_message.h"

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support::server::test {

struct WireRequest {
    std::string raw;      // the bytes to send
    bool is_head = false; // the response has no body to read
};

struct WireResponse {
    bool received = false; // false when the server closed the connection without answering
    unsigned status = 0;
    HeaderList headers;
    std::string body;

    std::string_view header(std::string_view name) const;
    bool has_header(std::string_view name) const;
};

// "METHOD target HTTP/1.1" with a Host header, the given headers and an empty body.
WireRequest make_request(std::string_view method, std::string_view target, const HeaderList& headers = {});

// "POST target" with a JSON body and, given a token, "Authorization: Bearer TOKEN" (a shopper's chat).
inline WireRequest json_post(std::string_view target, const std::string& body,
                             const std::string& bearer_token = {}) {
    std::string raw = "POST " + std::string(target) +
                      " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: " +
                      std::to_string(body.size()) + "\r\n";
    if (!bearer_token.empty())
        raw += "Authorization: Bearer " + bearer_token + "\r\n";
    return WireRequest{raw + "\r\n" + body, false};
}

// Sends the requests one after another on one connection, reading a response after each; stops at
// the first request the server does not answer.
std::vector<WireResponse> exchange(std::uint16_t port, const std::vector<WireRequest>& requests,
                                   std::chrono::milliseconds timeout = std::chrono::seconds(5));

WireResponse exchange_one(std::uint16_t port, const WireRequest& request,
                          std::chrono::milliseconds timeout = std::chrono::seconds(5));

WireResponse http_get(std::uint16_t port, std::string_view target, const HeaderList& headers = {});

// Connects, sends `raw` (possibly nothing), then waits for the server to close the connection.
// Returns true when it closed within `timeout`; whatever the server sent is appended to `received`.
bool server_closes_connection(std::uint16_t port, std::string_view raw, std::chrono::milliseconds timeout,
                              std::string* received = nullptr);

} // namespace support::server::test
