#pragma once
// The response a router gives a request, waiting for it when the handler answers later.

#include "server/http/router.h"

namespace support::server::testing {

inline HttpResponse answer(const Router& router, const HttpRequest& request) {
    return router.handle(request).wait();
}

} // namespace support::server::testing
