#pragma once
// HTTP GET from the core: the browser's fetch(), answered later through a callback. Failures are
// values with stable ids, never exceptions:
//   web.fetch.failed       the request did not complete (offline, DNS, CORS); message: the browser's
//   web.fetch.http_status  the server answered outside 2xx; field: the status code ("404")
// The callback runs outside a frame; a few frames are drawn after it so the app shows the result.

#include "shared/core/result.h"

#include <functional>
#include <string>

namespace support::web {

struct FetchedText {
    int status = 0;
    std::string body;
    std::string etag; // the response's ETag, empty when it has none
};

using FetchCallback = std::function<void(Result<FetchedText>)>;

// No cookies are sent (help content is public), so a server on another origin needs only CORS.
void fetch_text(const std::string& url, FetchCallback done);

// The HTTP status of a web.fetch.http_status error; 0 for any other error.
int http_status_of(const Error& error);

} // namespace support::web
