#pragma once
// Middleware for the pages support staff use (the console): they show what shoppers wrote and,
// later, act for a signed-in agent, so they must run only our own code and never inside another
// site's frame (clickjacking).
//
//   Content-Security-Policy: default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; …;
//                            frame-ancestors 'none'; base-uri 'none'; form-action 'self'
//   X-Frame-Options: DENY          (for browsers without frame-ancestors)
//   Referrer-Policy: same-origin   (a console URL never leaks to another site)
//   Cross-Origin-Opener-Policy: same-origin
// 'wasm-unsafe-eval' lets the console compile its WebAssembly core, nothing else; styles come only
// from files and constructed style sheets (no inline <style> or style attributes are needed).
//
//   router.add_tree("/console", protect_staff_page(handler));

#include "server/http/router.h"

#include <string_view>

namespace support::server {

inline constexpr std::string_view k_staff_page_csp =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; font-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; manifest-src 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; form-action 'self'";

// The handler, with the headers above on every response it gives (errors included).
RequestHandler protect_staff_page(RequestHandler handler);

} // namespace support::server
