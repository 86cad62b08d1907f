#pragma once
// A help article as a site owner writes it (one JSON file per article under help/<locale>/) and
// as the server serves it to the widget.
//
//   {
//     "id": "returns-policy",                 // [a-z0-9][a-z0-9-]*, ≤ 64 bytes; the same id in every locale
//     "locale": "en",                         // optional in files (the folder names it); must match the
//     folder "title": "How do I return an item?", "body": "You have **30 days** …",       // Markdown subset:
//     see markdown.h "tags": ["returns", "refund"],          // optional "synonyms": ["send back", "money
//     back"],// optional: words shoppers use that the text does not "pages": ["/cart.html", "/products/*"],
//     // optional: URL path patterns, '*' matches any run "products": ["NW-TR2-GRN", "category:footwear"] //
//     optional: SKUs or "category:<name>"
//   }

#include <string>
#include <vector>

namespace support::content {

struct Article {
    std::string id;
    std::string locale; // BCP 47 language tag as written: "en", "he", "ar", "fa", "pt-BR"
    std::string title;
    std::string body; // Markdown source
    std::vector<std::string> tags;
    std::vector<std::string> synonyms;
    std::vector<std::string> pages;
    std::vector<std::string> products;
};

} // namespace support::content
