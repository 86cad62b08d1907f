#include "shared/core/protocol/context_snapshot.h"

#include <algorithm>
#include <array>

namespace support::protocol {

using nlohmann::json;

std::string without_query_or_fragment(std::string_view url) {
    return std::string(url.substr(0, url.find_first_of("?#")));
}

bool is_identity_hash(std::string_view text) {
    return text.size() == k_identity_hash_hex_digits && std::all_of(text.begin(), text.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
           });
}

namespace {

constexpr std::array<std::string_view, 3> k_viewports = {"phone", "tablet", "desktop"};

Result<std::optional<ProductContext>> decode_product(const WireObject& context) {
    SW_TRY(auto object, context.object("product", Presence::Optional));
    if (!object)
        return std::optional<ProductContext>();
    ProductContext product;
    SW_TRY(product.name, object->string("name", Presence::Optional, k_max_title_bytes));
    SW_TRY(product.sku, object->string("sku", Presence::Optional, k_max_context_value_bytes));
    SW_TRY(product.price, object->string("price", Presence::Optional, 32));
    SW_TRY(product.currency, object->string("currency", Presence::Optional, 8));
    SW_TRY(product.availability, object->string("availability", Presence::Optional, 64));
    return std::optional(product);
}

Result<std::optional<CartContext>> decode_cart(const WireObject& context) {
    SW_TRY(auto object, context.object("cart", Presence::Optional));
    if (!object)
        return std::optional<CartContext>();
    CartContext cart;
    SW_TRY(auto count, object->integer("item_count", Presence::Optional, 0, 100'000));
    cart.item_count = count.value_or(0);
    SW_TRY(cart.total, object->string("total", Presence::Optional, 32));
    SW_TRY(cart.currency, object->string("currency", Presence::Optional, 8));
    return std::optional(cart);
}

Result<std::optional<OrderContext>> decode_order(const WireObject& context) {
    SW_TRY(auto object, context.object("order", Presence::Optional));
    if (!object)
        return std::optional<OrderContext>();
    OrderContext order;
    SW_TRY(order.id, object->string("id", Presence::Optional, 64));
    SW_TRY(order.status, object->string("status", Presence::Optional, 64));
    return std::optional(order);
}

Result<std::vector<std::pair<std::string, std::string>>> decode_custom(const WireObject& context) {
    std::vector<std::pair<std::string, std::string>> custom;
    SW_TRY(auto object, context.object("custom", Presence::Optional));
    if (!object)
        return custom;
    const std::vector<std::string> keys = object->keys();
    if (keys.size() > k_max_custom_fields)
        return context.error("too_long", "\"custom\" may hold at most 20 fields", "custom");
    for (const std::string& key : keys) {
        if (key.empty() || key.size() > k_max_custom_key_bytes)
            return object->error("invalid_value", "a custom field's name is 1 to 40 bytes", key);
        SW_TRY(std::string value, object->string(key, Presence::Required, k_max_context_value_bytes));
        custom.emplace_back(key, std::move(value));
    }
    std::sort(custom.begin(), custom.end()); // one order whatever the sender's: the JSON object's
    return custom;
}

Result<std::optional<ShopperIdentity>> decode_shopper(const WireObject& context) {
    SW_TRY(auto object, context.object("shopper", Presence::Optional));
    if (!object)
        return std::optional<ShopperIdentity>();
    ShopperIdentity shopper;
    SW_TRY(shopper.id, object->string("id", Presence::Required, k_max_shopper_id_bytes));
    if (shopper.id.empty())
        return object->error("invalid_value", "\"id\" must not be empty", "id");
    SW_TRY(shopper.email, object->string("email", Presence::Optional, k_max_email_bytes));
    SW_TRY(shopper.name, object->string("name", Presence::Optional, k_max_shopper_name_bytes));
    SW_TRY(shopper.hash, object->string("hash", Presence::Optional, k_identity_hash_hex_digits));
    if (!shopper.hash.empty() && !is_identity_hash(shopper.hash))
        return object->error("invalid_value", "\"hash\" must be 64 hexadecimal digits (HMAC-SHA256)", "hash");
    SW_TRY(auto verified, object->boolean("verified", Presence::Optional));
    shopper.verified = verified.value_or(false);
    return std::optional(std::move(shopper));
}

void put_if_set(json& object, const char* key, const std::string& value) {
    if (!value.empty())
        object[key] = value;
}

} // namespace

Result<ContextSnapshot> decode_context_snapshot(const WireObject& context) {
    ContextSnapshot snapshot;
    SW_TRY(auto page, context.object("page", Presence::Optional));
    if (page) {
        SW_TRY(std::string url, page->string("url", Presence::Optional, k_max_url_bytes));
        SW_TRY(snapshot.page_title, page->string("title", Presence::Optional, k_max_title_bytes));
        SW_TRY(std::string referrer, page->string("referrer", Presence::Optional, k_max_url_bytes));
        SW_TRY(snapshot.page_lang, page->string("lang", Presence::Optional, 35));
        SW_TRY(snapshot.page_dir, page->string("dir", Presence::Optional, 3));
        if (!snapshot.page_dir.empty() && snapshot.page_dir != "rtl" && snapshot.page_dir != "ltr")
            return page->error("invalid_value", "\"dir\" must be rtl or ltr", "dir");
        snapshot.page_url = without_query_or_fragment(url);
        snapshot.referrer = without_query_or_fragment(referrer);
    }
    SW_TRY(snapshot.viewport, context.string("viewport", Presence::Optional, 16));
    if (!snapshot.viewport.empty() &&
        std::find(k_viewports.begin(), k_viewports.end(), snapshot.viewport) == k_viewports.end())
        return context.error("invalid_value", "\"viewport\" must be phone, tablet or desktop", "viewport");
    SW_TRY(snapshot.product, decode_product(context));
    SW_TRY(snapshot.cart, decode_cart(context));
    SW_TRY(snapshot.order, decode_order(context));
    SW_TRY(snapshot.custom, decode_custom(context));
    SW_TRY(snapshot.shopper, decode_shopper(context));
    return snapshot;
}

json encode_context_snapshot(const ContextSnapshot& context) {
    json out = json::object();
    json page = json::object();
    put_if_set(page, "url", context.page_url);
    put_if_set(page, "title", context.page_title);
    put_if_set(page, "referrer", context.referrer);
    put_if_set(page, "lang", context.page_lang);
    put_if_set(page, "dir", context.page_dir);
    if (!page.empty())
        out["page"] = std::move(page);
    put_if_set(out, "viewport", context.viewport);
    if (context.product) {
        json product = json::object();
        put_if_set(product, "name", context.product->name);
        put_if_set(product, "sku", context.product->sku);
        put_if_set(product, "price", context.product->price);
        put_if_set(product, "currency", context.product->currency);
        put_if_set(product, "availability", context.product->availability);
        out["product"] = std::move(product);
    }
    if (context.cart) {
        json cart = json::object();
        cart["item_count"] = context.cart->item_count;
        put_if_set(cart, "total", context.cart->total);
        put_if_set(cart, "currency", context.cart->currency);
        out["cart"] = std::move(cart);
    }
    if (context.order) {
        json order = json::object();
        put_if_set(order, "id", context.order->id);
        put_if_set(order, "status", context.order->status);
        out["order"] = std::move(order);
    }
    if (!context.custom.empty()) {
        json custom = json::object();
        for (const auto& [key, value] : context.custom)
            custom[key] = value;
        out["custom"] = std::move(custom);
    }
    if (context.shopper) {
        json shopper = {{"id", context.shopper->id}, {"verified", context.shopper->verified}};
        put_if_set(shopper, "email", context.shopper->email);
        put_if_set(shopper, "name", context.shopper->name);
        put_if_set(shopper, "hash", context.shopper->hash);
        out["shopper"] = std::move(shopper);
    }
    return out;
}

} // namespace support::protocol
