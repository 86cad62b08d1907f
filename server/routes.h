#pragma once
// The route table of support-server: which path goes to which handler, and nothing else.
//
//   GET /healthz   → {"status":"ok"}
//   anything else  → static files from the mounted roots

#include "server/http_message.h"
#include "server/router.h"
#include "server/static_files.h"

#include <memory>

namespace support::server {

Router make_routes(std::shared_ptr<const StaticFiles> static_files);

// GET/HEAD /healthz: 200 application/json {"status":"ok"}; other methods 405.
HttpResponse health_check(const HttpRequest& request);

} // namespace support::server
