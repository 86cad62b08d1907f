#pragma once
// What the host page says about where the shopper is, read when the panel opens (so a single-page
// shop that changed route is read afresh): the address (never its query string, which carries
// e-mail addresses and order tokens more often than anything support needs), the title, and the product's SKU
// and categories from the page's schema.org Product JSON-LD if it has one. A later issue adds
// SupportWidget('setContext').

#include <string>
#include <vector>

namespace support::web {

struct PageFacts {
    std::string path;                    // location.pathname
    std::string url;                     // origin and path: no query string or fragment
    std::string title;                   // document.title, at most 300 bytes
    std::string product_sku;             // Product.sku (else productID, mpn); empty without one
    std::vector<std::string> categories; // Product.category, as one string or a list
};

PageFacts read_page_facts();

} // namespace support::web
