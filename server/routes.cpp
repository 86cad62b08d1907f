#include "server/routes.h"

#include "server/http/json_error.h"
#include "server/middleware/public_cross_origin.h"
#include "server/middleware/staff_page_security.h"
#include "shared/core/protocol/api_paths.h"

namespace support::server {

HttpResponse health_check(const HttpRequest& request) {
    if (auto rejected = reject_unless_get_or_head(request, "server.route.method_not_allowed"))
        return std::move(*rejected);
    HttpResponse response;
    response.set_header("Content-Type", "application/json");
    response.set_header("Cache-Control", "no-store");
    response.body = R"({"status":"ok"})";
    return response;
}

Router make_routes(std::shared_ptr<const StaticFiles> static_files,
                   std::shared_ptr<const ContentApi> content_api,
                   std::shared_ptr<const FeedbackApi> feedback_api,
                   std::shared_ptr<const StaffSessionApi> staff_session_api) {
    if (!content_api)
        content_api = std::make_shared<const ContentApi>();
    Router router;
    router.add("/healthz", health_check);
    // Help content and static files are public and credential-free: readable from any store origin.
    router.add(std::string(protocol::k_content_route),
               allow_public_cross_origin(
                   [api = std::move(content_api)](const HttpRequest& request) { return api->serve(request); },
                   "ETag")); // the widget revalidates its cached copy with it
    // Feedback answers CORS itself, from each site's allowed origins.
    if (feedback_api)
        router.add(
            std::string(protocol::k_feedback_route),
            [api = std::move(feedback_api)](const HttpRequest& request) { return api->serve(request); });
    // Staff sign-in: same-origin only, never CORS, never cached.
    if (staff_session_api)
        router.add(
            std::string(k_staff_session_route),
            [api = std::move(staff_session_api)](const HttpRequest& request) { return api->serve(request); });
    auto serve_files = [files = std::move(static_files)](const HttpRequest& request) -> Reply {
        return files->serve(request);
    };
    // The staff console runs only our own code and is never framed; it is not a public resource.
    router.add_tree(std::string(k_console_route), protect_staff_page(serve_files));
    router.set_fallback(allow_public_cross_origin(serve_files));
    return router;
}

} // namespace support::server
