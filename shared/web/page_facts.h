#pragma once
// What the host page says about where the shopper is, read when the panel opens (so a single-page
// shop that changed route is read afresh): the address (never its query string, which carries
// e-mail addresses and order tokens more often than anything support needs), the title, the
// referrer (also without its query), the page's language and direction, and the product from the
// page's schema.org Product JSON-LD if it has one (shared/core/context/product_json_ld.h). Form
// fields are never read.

#include "shared/core/protocol/context_snapshot.h"

#include <optional>
#include <string>
#include <vector>

namespace support::web {

struct PageFacts {
    std::string path;     // location.pathname
    std::string url;      // origin and path: no query string or fragment
    std::string title;    // document.title, at most 300 bytes
    std::string referrer; // document.referrer's origin and path, or ""
    std::string lang;     // <html lang>, or ""
    std::string dir;      // "rtl", "ltr" or ""
    std::optional<protocol::ProductContext> product;
    std::vector<std::string> categories; // its categories
};

PageFacts read_page_facts();

} // namespace support::web
