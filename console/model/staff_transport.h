#pragma once
// How the console's models reach the staff API: a request and, later, its answer. In the browser it
// is web::http_request (the session cookie rides along); in tests a function that answers from a
// script. Models never see the browser.

#include <functional>
#include <string>

namespace support::console {

struct StaffRequest {
    std::string method = "GET";
    std::string url; // same-origin path: "/api/v1/staff/feedback?…"
    std::string json_body;
    std::string csrf_token; // for requests that change something
};

struct StaffAnswer {
    int status = 0; // 0: the request did not complete
    std::string body;
};

using StaffTransport = std::function<void(StaffRequest, std::function<void(StaffAnswer)>)>;

// The message a person should read for a failed answer: the server's own words for a JSON error,
// or what went wrong with the connection.
std::string failure_message(const StaffAnswer& answer);
// The error id of a JSON error body ("api.staff.not_signed_in"), or "".
std::string error_code(const StaffAnswer& answer);

} // namespace support::console
