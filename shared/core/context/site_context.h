#pragma once
// What the site tells the widget about the shopper's situation, with
//   SupportWidget('setContext', {
//     product: {name, sku, price, currency, availability},
//     cart: {items: 3 | [{quantity: 2}, {…}], total: "39.80" | 39.8, currency: "EUR"},
//     order: {id: "A-1001", status: "shipped"},
//     custom: {plan: "gold", loyalty_points: 1200, b2b: false}})
// Every part is optional; what is given replaces the page's own (the site's product wins over the
// page's JSON-LD). Allow-listed: any other member is an error, so a site owner sees the mistake on
// the console instead of wondering why staff do not see a field. Numbers and booleans read as text;
// card numbers, IBANs and passwords in any value are masked (secret_masking.h), and values are bounded
// as the wire bounds them (protocol/context_snapshot.h).
//
// Errors: context.site.invalid_json, context.site.not_an_object, context.site.unknown_field,
// context.site.wrong_type, context.site.too_long, all with the JSON pointer at fault.
//
// Who the shopper is, with
//   SupportWidget('identify', {id: "c-1042", email: "dana@example.com", name: "Dana", hash: "…"})
// id (text or a number) is required; hash is HMAC-SHA256 of the id with the site's identity_secret
// (site.json), computed by the site's server, 64 hex digits — without it, or when it does not match,
// staff see the identity marked unverified. Errors: the same codes under context.identity.*, and
// context.identity.missing_id, context.identity.bad_hash.

#include "shared/core/protocol/context_snapshot.h"
#include "shared/core/result.h"

#include <optional>
#include <string_view>

namespace support::context {

struct SiteContext {
    std::optional<protocol::ProductContext> product;
    std::optional<protocol::CartContext> cart;
    std::optional<protocol::OrderContext> order;
    std::vector<std::pair<std::string, std::string>> custom; // by name
    bool operator==(const SiteContext&) const = default;
};

inline constexpr std::size_t k_max_site_context_bytes = 16 * 1024;

Result<SiteContext> parse_site_context(std::string_view json);

Result<protocol::ShopperIdentity> parse_shopper_identity(std::string_view json);

// `snapshot` with the site's parts laid over it.
void apply_site_context(const SiteContext& site, protocol::ContextSnapshot& snapshot);

} // namespace support::context
