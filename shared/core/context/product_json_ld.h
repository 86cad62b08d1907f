#pragma once
// The product a page describes in its schema.org JSON-LD (<script type="application/ld+json">), read
// the way shops and their platforms write it:
//   - the Product at the top level, in a list, or in an "@graph" (Yoast, Shopify themes, WooCommerce);
//   - "@type" as text or a list, with or without a prefix ("Product", "schema:Product",
//     "http://schema.org/Product", "IndividualProduct", "ProductModel", ["Product", "Car"]);
//   - "offers" as an Offer, a list of them (the first one priced), or an AggregateOffer (its
//     lowPrice); the price as a number or text, or in "priceSpecification" (itself maybe a list);
//   - "availability" as a schema.org URL or a bare name ("https://schema.org/InStock" → "InStock");
//   - sku, else productID, else mpn, else gtin13 / gtin; "category" as text, a list, or objects
//     with a name; "brand" is not needed.
// A script that is not JSON is skipped (not ours to report); the first Product found wins. Every
// value is trimmed and cut to protocol::k_max_context_value_bytes on a character boundary.
//
//   auto found = product_from_json_ld({R"({"@type":"Product","name":"Trail shoe","sku":"TS-42"})"});
//   found->product.sku == "TS-42"

#include "shared/core/protocol/context_snapshot.h"

#include <optional>
#include <string>
#include <vector>

namespace support::context {

struct PageProduct {
    protocol::ProductContext product;
    std::vector<std::string> categories; // at most 10
    bool operator==(const PageProduct&) const = default;
};

inline constexpr std::size_t k_max_json_ld_scripts = 20;
inline constexpr std::size_t k_max_json_ld_bytes = 256 * 1024; // per script; larger ones are skipped

std::optional<PageProduct> product_from_json_ld(const std::vector<std::string>& scripts);

} // namespace support::context
