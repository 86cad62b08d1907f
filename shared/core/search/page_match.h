#pragma once
// Ties between articles and where the shopper is: URL path patterns and product references.

#include <string_view>

namespace support::search {

// The path of a URL or path, without its query string and fragment:
// "https://shop.example/cart?x=1" → "/cart", "/cart#top" → "/cart".
std::string_view url_path(std::string_view url);

// `pattern` is a path ("/cart.html"), optionally with '*' matching any run of characters
// ("/products/*", "*/checkout"). A pattern written as a full URL ("https://shop.example/cart")
// is compared by its path. The query string and fragment of `path` are ignored, and a folder's
// index page is the folder ("/" matches "/index.html").
bool page_pattern_matches(std::string_view pattern, std::string_view path);

// `reference` is a SKU ("NW-TR2-GRN", compared case-insensitively) or "category:<name>".
bool product_reference_matches(std::string_view reference, std::string_view sku, std::string_view category);

} // namespace support::search
