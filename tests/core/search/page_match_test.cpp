#include "catch_amalgamated.hpp"
#include "shared/core/search/page_match.h"

using namespace support::search;

TEST_CASE("Page patterns match the path, with * for any run of characters") {
    CHECK(page_pattern_matches("/cart.html", "/cart.html"));
    CHECK(page_pattern_matches("/cart.html", "/cart.html?step=2#coupon"));
    CHECK_FALSE(page_pattern_matches("/cart.html", "/cart.html.bak"));
    CHECK(page_pattern_matches("/products/*", "/products/trail-runner-2"));
    CHECK_FALSE(page_pattern_matches("/products/*", "/product"));
    CHECK(page_pattern_matches("*/checkout", "/eu/shop/checkout"));
    CHECK(page_pattern_matches("https://shop.example/cart", "/cart"));
    CHECK(page_pattern_matches("/", "/"));
    CHECK_FALSE(page_pattern_matches("/", "/cart.html"));
    CHECK_FALSE(page_pattern_matches("", "/"));
}

TEST_CASE("A folder's index page is the folder itself") {
    CHECK(page_pattern_matches("/", "/index.html"));
    CHECK(page_pattern_matches("/help/", "/help/index.htm"));
    CHECK(page_pattern_matches("/index.html", "/"));
    CHECK_FALSE(page_pattern_matches("/", "/cart.html"));
    CHECK_FALSE(page_pattern_matches("/", "/xindex.html"));
}

TEST_CASE("Product references match a SKU case-insensitively or a category") {
    CHECK(product_reference_matches("NW-TR2-GRN", "nw-tr2-grn", ""));
    CHECK_FALSE(product_reference_matches("NW-TR2-GRN", "NW-TR2-BLU", ""));
    CHECK(product_reference_matches("category:footwear", "", "Footwear"));
    CHECK_FALSE(product_reference_matches("category:footwear", "footwear", ""));
}
