// The product on a shop's page, from JSON-LD as real shops publish it (shapes taken from Shopify
// themes, WooCommerce with Yoast, Magento and hand-written pages).
#include "catch_amalgamated.hpp"
#include "shared/core/context/product_json_ld.h"

using namespace support::context;

TEST_CASE("A Shopify-style Product with a list of offers: the first priced offer") {
    const auto found = product_from_json_ld({R"json({
      "@context": "http://schema.org/", "@type": "Product", "name": "Trail Runner 2",
      "sku": "TR2-42", "brand": {"@type": "Brand", "name": "Acme"},
      "offers": [
        {"@type": "Offer", "sku": "TR2-41", "availability": "http://schema.org/OutOfStock"},
        {"@type": "Offer", "price": "89.90", "priceCurrency": "EUR", "availability": "http://schema.org/InStock"}
      ]})json"});
    REQUIRE(found);
    CHECK(found->product.name == "Trail Runner 2");
    CHECK(found->product.sku == "TR2-42");
    CHECK(found->product.price == "89.90");
    CHECK(found->product.currency == "EUR");
    CHECK(found->product.availability == "InStock");
}

TEST_CASE("A WooCommerce/Yoast @graph: the Product among WebPage, Organization and BreadcrumbList") {
    const auto found = product_from_json_ld({R"json({"@context": "https://schema.org", "@graph": [
      {"@type": "WebPage", "@id": "https://shop.example/p/mug#webpage", "name": "Mug"},
      {"@type": "Organization", "name": "Shop"},
      {"@type": ["Product", "schema:IndividualProduct"], "name": "כוס קרמיקה", "productID": "sku:M-1",
       "category": [{"@type": "Thing", "name": "Kitchen"}, "Mugs"],
       "offers": {"@type": "Offer", "priceSpecification": [{"@type": "UnitPriceSpecification",
                  "price": 49, "priceCurrency": "ILS"}], "availability": "https://schema.org/PreOrder"}}]})json"});
    REQUIRE(found);
    CHECK(found->product.name == "כוס קרמיקה");
    CHECK(found->product.sku == "sku:M-1");
    CHECK(found->product.price == "49");
    CHECK(found->product.currency == "ILS");
    CHECK(found->product.availability == "PreOrder");
    CHECK(found->categories == std::vector<std::string>{"Kitchen", "Mugs"});
}

TEST_CASE("An AggregateOffer gives its low price; a float price is written with two decimals") {
    const auto aggregate = product_from_json_ld({R"json([{"@type": "BreadcrumbList"}, {"@type": "Product",
      "name": "Tee", "mpn": "T-100", "offers": {"@type": "AggregateOffer", "lowPrice": 12.5,
      "highPrice": 20, "priceCurrency": "USD", "offerCount": 3}}])json"});
    REQUIRE(aggregate);
    CHECK(aggregate->product.sku == "T-100");
    CHECK(aggregate->product.price == "12.50");
    CHECK(aggregate->product.currency == "USD");
}

TEST_CASE("The product inside a page's mainEntity, found past a script that is not JSON") {
    const auto found = product_from_json_ld({"{not json", R"json({"@type": "Organization"})json",
                                             R"json({"@type": "ItemPage", "mainEntity": {"@type":
        "http://schema.org/Product", "name": "  Backpack  ", "gtin13": "4006381333931"}})json"});
    REQUIRE(found);
    CHECK(found->product.name == "Backpack");
    CHECK(found->product.sku == "4006381333931");
    CHECK(found->product.price.empty());
}

TEST_CASE("No product: no scripts, other types, wrong shapes") {
    CHECK_FALSE(product_from_json_ld({}));
    CHECK_FALSE(product_from_json_ld({R"({"@type":"Organization","name":"Shop"})", "[]", "null", "42"}));
    CHECK_FALSE(product_from_json_ld({R"({"@type":{"not":"text"},"name":"x"})"}));
}

TEST_CASE("Values are bounded and a price that is not a number or text is left out") {
    const std::string long_name(500, 'a');
    const auto found = product_from_json_ld({R"({"@type":"Product","name":")" + long_name +
                                             R"(","offers":{"price":{"x":1},"priceCurrency":"EUR"}})"});
    REQUIRE(found);
    CHECK(found->product.name.size() == support::protocol::k_max_context_value_bytes);
    CHECK(found->product.price.empty());
}
