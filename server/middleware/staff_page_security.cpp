#include "server/middleware/staff_page_security.h"

#include <string>
#include <utility>

namespace support::server {

RequestHandler protect_staff_page(RequestHandler handler) {
    return [handler = std::move(handler)](const HttpRequest& request) {
        return handler(request).then([](HttpResponse& response) {
            response.set_header("Content-Security-Policy", std::string(k_staff_page_csp));
            response.set_header("X-Frame-Options", "DENY");
            response.set_header("Referrer-Policy", "same-origin");
            response.set_header("Cross-Origin-Opener-Policy", "same-origin");
        });
    };
}

} // namespace support::server
