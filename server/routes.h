#pragma once
// The route table of support-server: which path goes to which handler, and nothing else.
//
//   GET /healthz                          → {"status":"ok"}
//   GET /api/v1/sites/{site}/content      → the site's help articles (content_api.h)
//   POST /api/v1/sites/{site}/feedback    → what a shopper tells us (feedback/feedback_api.h), when
//                                           the server has a store
//   /api/v1/sites/{site}/conversations…   → chat, the shopper's side (chat/shopper_chat_api.h)
//   POST /api/v1/sites/{site}/shopper/forget
//                                         → delete what one browser gave (privacy/shopper_erasure_api.h)
//   /api/v1/staff/session                 → staff sign-in (staff/staff_session_api.h)
//   /api/v1/staff/conversations…, /api/v1/staff/inbox/events
//                                         → chat, the staff's side (chat/staff_chat_api.h)
//   /api/v1/staff/feedback…, /api/v1/staff/insights
//                                         → the staff API over feedback (staff/staff_feedback_api.h)
//   /console, /console/…                  → the staff console's files, with a strict CSP and never
//                                           framed (middleware/staff_page_security.h)
//   anything else                         → static files from the mounted roots
// The content API and static files are readable from any origin (middleware/public_cross_origin.h).

#include "server/chat/shopper_chat_api.h"
#include "server/chat/staff_chat_api.h"
#include "server/content/content_api.h"
#include "server/feedback/feedback_api.h"
#include "server/http/http_message.h"
#include "server/http/router.h"
#include "server/privacy/shopper_erasure_api.h"
#include "server/staff/staff_feedback_api.h"
#include "server/staff/staff_session_api.h"
#include "server/static/static_files.h"

#include <memory>
#include <string_view>

namespace support::server {

inline constexpr std::string_view k_console_route = "/console";

struct RouteHandlers {
    std::shared_ptr<const StaticFiles> static_files = nullptr;
    std::shared_ptr<const ContentApi> content = nullptr; // without it every site is unknown (404)
    std::shared_ptr<const FeedbackApi> feedback = nullptr;
    std::shared_ptr<const StaffSessionApi> staff_session = nullptr;
    std::shared_ptr<const StaffFeedbackApi> staff_feedback = nullptr;
    std::shared_ptr<WorkerPool> workers = nullptr; // runs staff sign-in (argon2id) off the connection threads
    std::shared_ptr<const ShopperChatApi> shopper_chat = nullptr;
    std::shared_ptr<const StaffChatApi> staff_chat = nullptr;
    std::shared_ptr<const ShopperErasureApi> shopper_erasure = nullptr;
};

Router make_routes(RouteHandlers handlers);

// Without a content API every site is unknown (404 content.site.not_found).
Router make_routes(std::shared_ptr<const StaticFiles> static_files,
                   std::shared_ptr<const ContentApi> content_api = nullptr,
                   std::shared_ptr<const FeedbackApi> feedback_api = nullptr,
                   std::shared_ptr<const StaffSessionApi> staff_session_api = nullptr,
                   std::shared_ptr<const StaffFeedbackApi> staff_feedback_api = nullptr);

// GET/HEAD /healthz: 200 application/json {"status":"ok"}; other methods 405.
HttpResponse health_check(const HttpRequest& request);

} // namespace support::server
