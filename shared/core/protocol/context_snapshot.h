#pragma once
// What the page knew when the shopper gave feedback (or, later, began a chat), as it travels over
// the wire: only the allow-listed fields below survive decoding, each bounded in size. Page URLs
// lose their query string and fragment on both ends, since those carry e-mail addresses, order
// tokens and tracking ids more often than anything support staff need.
//
//   "context": {"page": {"url": "https://shop.example/cart", "title": "Cart", "referrer": "…",
//                        "lang": "he", "dir": "rtl"},
//               "viewport": "phone",
//               "product": {"name": "…", "sku": "…", "price": "19.90", "currency": "EUR",
//                           "availability": "InStock"},
//               "cart": {"item_count": 2, "total": "39.80", "currency": "EUR"},
//               "order": {"id": "A-1001", "status": "shipped"},
//               "custom": {"plan": "gold", "store": "Tel Aviv"},   (what the site adds: ≤ 20, text)
//               "shopper": {"id": "c-1042", "email": "dana@example.com", "name": "Dana",
//                           "hash": "<64 hex digits>", "verified": false}}
//
// "shopper" is who the site says the shopper is (SupportWidget('identify', …)). The widget sends the
// site's hash; support-server checks it against the site's secret, keeps only "verified" and drops
// the hash, so what staff see says whether the site vouched for that identity.

#include "shared/core/protocol/wire_fields.h"
#include "shared/core/result.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace support::protocol {

inline constexpr std::size_t k_max_url_bytes = 2048;
inline constexpr std::size_t k_max_title_bytes = 300;
inline constexpr std::size_t k_max_context_value_bytes = 200;
inline constexpr std::size_t k_max_custom_fields = 20;
inline constexpr std::size_t k_max_custom_key_bytes = 40;

struct ProductContext {
    std::string name;
    std::string sku;
    std::string price; // decimal text as the page shows it in its data ("19.90")
    std::string currency;
    std::string availability;
    bool operator==(const ProductContext&) const = default;
};

struct CartContext {
    std::int64_t item_count = 0;
    std::string total;
    std::string currency;
    bool operator==(const CartContext&) const = default;
};

struct OrderContext {
    std::string id;
    std::string status;
    bool operator==(const OrderContext&) const = default;
};

inline constexpr std::size_t k_max_shopper_id_bytes = 128;
inline constexpr std::size_t k_max_email_bytes = 254; // RFC 5321's longest path
inline constexpr std::size_t k_max_shopper_name_bytes = 100;
inline constexpr std::size_t k_identity_hash_hex_digits = 64; // HMAC-SHA256

struct ShopperIdentity {
    std::string id; // the site's own id for the shopper
    std::string email;
    std::string name;
    std::string hash;      // HMAC-SHA256(id, the site's secret), lowercase hex, as the site computed it
    bool verified = false; // support-server's word: the hash matched the site's secret
    bool operator==(const ShopperIdentity&) const = default;
};

// True for 64 hexadecimal digits (either case).
bool is_identity_hash(std::string_view text);

struct ContextSnapshot {
    std::string page_url; // scheme, host and path only
    std::string page_title;
    std::string referrer;  // scheme, host and path only
    std::string page_lang; // <html lang>, at most 35 bytes
    std::string page_dir;  // "rtl", "ltr" or ""
    std::string viewport;  // "phone", "tablet", "desktop" or ""
    std::optional<ProductContext> product;
    std::optional<CartContext> cart;
    std::optional<OrderContext> order;
    std::vector<std::pair<std::string, std::string>> custom; // the site's own facts, by name
    std::optional<ShopperIdentity> shopper;
    bool operator==(const ContextSnapshot&) const = default;
};

// "https://shop.example/cart?email=a@b.c#top" → "https://shop.example/cart".
std::string without_query_or_fragment(std::string_view url);

// Reads an optional "context" object's fields; errors name the field (/context/page/url …).
Result<ContextSnapshot> decode_context_snapshot(const WireObject& context);
nlohmann::json encode_context_snapshot(const ContextSnapshot& context);

} // namespace support::protocol
