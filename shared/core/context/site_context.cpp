#include "shared/core/context/site_context.h"

#include "shared/core/context/number_text.h"
#include "shared/core/context/secret_masking.h"
#include "shared/core/parse_json.h"
#include "shared/core/text/utf8.h"

#include <algorithm>
#include <initializer_list>

namespace support::context {

namespace {

using nlohmann::json;

// `area` is what a mistake is about: "site" (setContext) or "identity" (identify).
Error fault(const char* code, const std::string& pointer, std::string message, const char* area = "site") {
    return make_error(std::string("context.") + area + "." + code, std::move(message), pointer);
}

Result<void> only(const json& object, const std::string& pointer,
                  std::initializer_list<std::string_view> keys, const char* area = "site") {
    for (const auto& item : object.items())
        if (std::find(keys.begin(), keys.end(), item.key()) == keys.end())
            return fault("unknown_field", pointer + "/" + item.key(),
                         "\"" + item.key() + "\" is not a field the widget knows here", area);
    return ok();
}

// Text, a number or a boolean as text (null: absent), masked and at most `max_bytes`.
Result<std::string> value_text(const json& object, const char* key, const std::string& pointer,
                               std::size_t max_bytes, const char* area = "site") {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null())
        return std::string();
    const std::string at = pointer + "/" + key;
    std::string text;
    if (it->is_string()) {
        text = it->get<std::string>();
    } else if (it->is_boolean()) {
        text = it->get<bool>() ? "true" : "false";
    } else if (auto number = number_as_text(*it)) {
        text = std::move(*number);
    } else {
        return fault("wrong_type", at, std::string("\"") + key + "\" must be text or a number", area);
    }
    text = mask_secrets(text).text;
    if (text.size() > max_bytes || !text::is_valid_utf8(text))
        return fault("too_long", at,
                     std::string("\"") + key + "\" may be at most " + std::to_string(max_bytes) + " bytes",
                     area);
    return text;
}

Result<const json*> member_object(const json& parent, const char* key, const std::string& pointer) {
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        return static_cast<const json*>(nullptr);
    if (!it->is_object())
        return fault("wrong_type", pointer + "/" + key, std::string("\"") + key + "\" must be an object");
    return &*it;
}

Result<std::int64_t> item_count(const json& cart) {
    const auto it = cart.find("items");
    if (it == cart.end() || it->is_null())
        return std::int64_t{0};
    if (it->is_number_integer() && it->get<std::int64_t>() >= 0 && it->get<std::int64_t>() <= 100'000)
        return it->get<std::int64_t>();
    if (!it->is_array())
        return fault("wrong_type", "/cart/items", "\"items\" must be a count or a list of items");
    std::int64_t count = 0;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const json& item = (*it)[i];
        const auto quantity = item.is_object() ? item.find("quantity") : item.end();
        count += quantity != item.end() && quantity->is_number_integer() && quantity->get<std::int64_t>() > 0
                     ? std::min<std::int64_t>(quantity->get<std::int64_t>(), 10'000)
                     : 1;
    }
    return std::min<std::int64_t>(count, 100'000);
}

} // namespace

Result<SiteContext> parse_site_context(std::string_view text) {
    if (text.size() > k_max_site_context_bytes)
        return fault("too_long", "", "the context may be at most 16 KB of JSON");
    const json document = parse_json(text);
    if (document.is_discarded())
        return fault("invalid_json", "", "the context is not JSON");
    if (!document.is_object())
        return fault("not_an_object", "", "setContext takes an object: {product, cart, order, custom}");
    SW_TRY_VOID(only(document, "", {"product", "cart", "order", "custom"}));
    SiteContext site;
    SW_TRY(const json* product, member_object(document, "product", ""));
    if (product) {
        SW_TRY_VOID(only(*product, "/product", {"name", "sku", "price", "currency", "availability"}));
        protocol::ProductContext p;
        SW_TRY(p.name, value_text(*product, "name", "/product", protocol::k_max_context_value_bytes));
        SW_TRY(p.sku, value_text(*product, "sku", "/product", protocol::k_max_context_value_bytes));
        SW_TRY(p.price, value_text(*product, "price", "/product", 32));
        SW_TRY(p.currency, value_text(*product, "currency", "/product", 8));
        SW_TRY(p.availability, value_text(*product, "availability", "/product", 64));
        site.product = std::move(p);
    }
    SW_TRY(const json* cart, member_object(document, "cart", ""));
    if (cart) {
        SW_TRY_VOID(only(*cart, "/cart", {"items", "total", "currency"}));
        protocol::CartContext c;
        SW_TRY(c.item_count, item_count(*cart));
        SW_TRY(c.total, value_text(*cart, "total", "/cart", 32));
        SW_TRY(c.currency, value_text(*cart, "currency", "/cart", 8));
        site.cart = std::move(c);
    }
    SW_TRY(const json* order, member_object(document, "order", ""));
    if (order) {
        SW_TRY_VOID(only(*order, "/order", {"id", "status"}));
        protocol::OrderContext o;
        SW_TRY(o.id, value_text(*order, "id", "/order", 64));
        SW_TRY(o.status, value_text(*order, "status", "/order", 64));
        site.order = std::move(o);
    }
    SW_TRY(const json* custom, member_object(document, "custom", ""));
    if (custom) {
        if (custom->size() > protocol::k_max_custom_fields)
            return fault("too_long", "/custom", "custom may hold at most 20 fields");
        for (const auto& item : custom->items()) {
            if (item.key().empty() || item.key().size() > protocol::k_max_custom_key_bytes)
                return fault("too_long", "/custom/" + item.key(), "a custom field's name is 1 to 40 bytes");
            SW_TRY(std::string value,
                   value_text(*custom, item.key().c_str(), "/custom", protocol::k_max_context_value_bytes));
            site.custom.emplace_back(item.key(), std::move(value));
        }
        std::sort(site.custom.begin(), site.custom.end());
    }
    return site;
}

Result<protocol::ShopperIdentity> parse_shopper_identity(std::string_view text) {
    const char* area = "identity";
    if (text.size() > k_max_site_context_bytes)
        return fault("too_long", "", "the identity may be at most 16 KB of JSON", area);
    const json document = parse_json(text);
    if (document.is_discarded())
        return fault("invalid_json", "", "the identity is not JSON", area);
    if (!document.is_object())
        return fault("not_an_object", "", "identify takes an object: {id, email, name, hash}", area);
    SW_TRY_VOID(only(document, "", {"id", "email", "name", "hash"}, area));
    protocol::ShopperIdentity shopper;
    SW_TRY(shopper.id, value_text(document, "id", "", protocol::k_max_shopper_id_bytes, area));
    if (shopper.id.empty())
        return fault("missing_id", "/id", "identify needs the site's id for the shopper", area);
    SW_TRY(shopper.email, value_text(document, "email", "", protocol::k_max_email_bytes, area));
    SW_TRY(shopper.name, value_text(document, "name", "", protocol::k_max_shopper_name_bytes, area));
    // Not masked: a run of its digits may look like a card number.
    const auto hash = document.find("hash");
    if (hash != document.end() && !hash->is_null())
        shopper.hash = hash->is_string() ? hash->get<std::string>() : std::string("-");
    if (!shopper.hash.empty() && !protocol::is_identity_hash(shopper.hash))
        return fault("bad_hash", "/hash", "\"hash\" must be HMAC-SHA256 of the id as 64 hex digits", area);
    return shopper;
}

void apply_site_context(const SiteContext& site, protocol::ContextSnapshot& snapshot) {
    if (site.product)
        snapshot.product = site.product;
    if (site.cart)
        snapshot.cart = site.cart;
    if (site.order)
        snapshot.order = site.order;
    if (!site.custom.empty())
        snapshot.custom = site.custom;
}

} // namespace support::context
