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
                   std::shared_ptr<const StaffSessionApi> staff_session_api,
                   std::shared_ptr<const StaffFeedbackApi> staff_feedback_api) {
    return make_routes(RouteHandlers{std::move(static_files), std::move(content_api), std::move(feedback_api),
                                     std::move(staff_session_api), std::move(staff_feedback_api), nullptr});
}

Router make_routes(RouteHandlers handlers) {
    auto static_files = std::move(handlers.static_files);
    auto content_api = std::move(handlers.content);
    auto feedback_api = std::move(handlers.feedback);
    auto staff_session_api = std::move(handlers.staff_session);
    auto staff_feedback_api = std::move(handlers.staff_feedback);
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
    // Forgetting answers CORS itself too.
    if (handlers.shopper_erasure)
        router.add(std::string(protocol::k_shopper_forget_route),
                   [api = std::move(handlers.shopper_erasure)](const HttpRequest& request) {
                       return api->serve(request);
                   });
    // Staff sign-in: same-origin only, never CORS, never cached; its password hashing runs on the
    // worker pool when there is one, not on a connection thread.
    if (staff_session_api)
        router.add(std::string(k_staff_session_route),
                   [api = std::move(staff_session_api),
                    workers = std::move(handlers.workers)](const HttpRequest& request) -> Reply {
                       if (!workers)
                           return api->serve(request);
                       return workers->run([api, request] { return api->serve(request); });
                   });
    if (staff_feedback_api) {
        auto serve_staff = [api = std::move(staff_feedback_api)](const HttpRequest& request) {
            return api->serve(request);
        };
        router.add(std::string(k_staff_feedback_csv_route), serve_staff);
        router.add(std::string(k_staff_insights_route), serve_staff);
        router.add_tree(std::string(k_staff_feedback_route), serve_staff);
    }
    if (handlers.shopper_chat) {
        auto serve_chat = [api = std::move(handlers.shopper_chat)](const HttpRequest& request) {
            return api->serve(request);
        };
        for (auto route :
             {protocol::k_conversations_route, protocol::k_conversation_messages_route,
              protocol::k_conversation_events_route, protocol::k_conversation_typing_route,
              protocol::k_conversation_handoff_route, protocol::k_conversation_reply_email_route})
            router.add(std::string(route), serve_chat);
    }
    if (handlers.staff_chat) {
        auto serve_staff_chat = [api = std::move(handlers.staff_chat)](const HttpRequest& request) {
            return api->serve(request);
        };
        router.add_tree(std::string(k_staff_conversations_route), serve_staff_chat);
        router.add(std::string(k_staff_inbox_events_route), serve_staff_chat);
    }
    auto serve_files = [files = std::move(static_files)](const HttpRequest& request) -> Reply {
        return files->serve(request);
    };
    // The staff console runs only our own code and is never framed; it is not a public resource.
    router.add_tree(std::string(k_console_route), protect_staff_page(serve_files));
    router.set_fallback(allow_public_cross_origin(serve_files));
    return router;
}

} // namespace support::server
