#pragma once
// HTTP requests answered later through a callback with the status and body whatever the status, so
// the caller reads the server's JSON error. To the app's own server with its cookies (the staff
// console's session; a state-changing request carries the session's CSRF token in X-CSRF-Token),
// or, with an Authorization header, without cookies (the widget's chat on the store's page, to a
// server on another origin).
// status 0: the request did not complete (offline, the server gone); body: the browser's message.
// The callback runs outside a frame; a few frames are drawn after it.

#include <functional>
#include <string>

namespace support::web {

struct HttpAnswer {
    int status = 0;
    std::string body;
};

struct HttpCall {
    std::string method = "GET";
    std::string url;
    std::string json_body;     // sent as application/json when not empty
    std::string csrf_token;    // sent as X-CSRF-Token when not empty
    std::string authorization; // the Authorization header ("Bearer …"); then no cookies are sent
};

using HttpCallback = std::function<void(HttpAnswer)>;

void http_request(const HttpCall& call, HttpCallback done);

// Starts a download of `url` (same origin, with the app's cookies) as the browser's own download.
void download(const std::string& url);

} // namespace support::web
