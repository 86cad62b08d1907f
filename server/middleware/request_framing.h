#pragma once
// The message-framing rules of RFC 9112 that Boost.Beast leaves to the server, checked on every
// request before it is routed. A request that breaks one gets a 400 and its connection is closed:
// the bytes after it cannot be trusted to start the next request (behind a proxy that reads the
// framing differently, they are a smuggled request).
//
//   - Transfer-Encoding whose last coding is not "chunked" (RFC 9112 §6.3: the length cannot be
//     determined) — Beast would read no body and parse the body as the next request;
//   - Transfer-Encoding on an HTTP/1.0 request (§6.1: faulty framing);
//   - an HTTP/1.1 request without a Host header, and any request with more than one (§3.2).
// Transfer-Encoding together with Content-Length, and repeated Content-Length values, are refused
// by Beast's parser itself; the server answers those, like every malformed request, with a 400
// (server.http.malformed_request) before closing.

#include "server/http/http_message.h"
#include "shared/core/result.h"

#include <optional>

namespace support::server {

// Errors: server.http.bad_transfer_encoding (field "Transfer-Encoding"), server.http.bad_host
// (field "Host"). Nothing when the request is framed correctly.
std::optional<Error> request_framing_error(const HttpRequest& request);

} // namespace support::server
