#pragma once
// Middleware for public, credential-free resources (the loader, the core's .mjs and .wasm, fonts,
// the guide overlay, the content API): a store page on any origin may read them.
//
// A store serves its pages from its own origin and the widget from ours, and a module import(), a
// fetch()ed .wasm, a font and the content API are all CORS requests there. These resources carry
// no cookies and nothing private, so they answer "Access-Control-Allow-Origin: *" — the same for
// every origin, which is why no "Vary: Origin" is needed — and "Cross-Origin-Resource-Policy:
// cross-origin", so a store that isolates itself with COEP can still embed them. A CORS preflight
// (OPTIONS with Access-Control-Request-Method) for GET or HEAD is answered 204 here, without
// reaching the handler.
//
// Endpoints that take writes or know a person (feedback, staff) do not use this: they get a
// per-site origin list, or none.
//
//   router.add(path, allow_public_cross_origin(handler));

#include "server/http/http_message.h"
#include "server/http/router.h"

#include <string>

namespace support::server {

// The handler, with the headers above added to every response it gives (errors included, so a
// page on another origin can read why a request failed) and CORS preflights answered.
// `exposed_headers` lists response headers beyond the CORS-safelisted ones (Content-Type,
// Content-Language, Cache-Control, …) that the page's script may read, e.g. "ETag".
RequestHandler allow_public_cross_origin(RequestHandler handler, std::string exposed_headers = {});

} // namespace support::server
