#include "console/model/context_facts.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <initializer_list>

namespace support::console {

namespace {

using nlohmann::json;

std::string text(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

const json& member(const json& object, const char* key) {
    static const json k_none = json::object();
    const auto it = object.find(key);
    return it != object.end() && it->is_object() ? *it : k_none;
}

// "a, b, c" of the parts that are not empty.
std::string joined(std::initializer_list<std::string> parts) {
    std::string out;
    for (const std::string& part : parts)
        if (!part.empty())
            out += (out.empty() ? "" : ", ") + part;
    return out;
}

std::string with_currency(const json& object, const char* amount) {
    const std::string value = text(object, amount);
    const std::string currency = text(object, "currency");
    return value.empty() || currency.empty() ? value : value + " " + currency;
}

} // namespace

ContextFacts read_context_facts(const json& context) {
    ContextFacts facts;
    if (!context.is_object())
        return facts;
    const json& page = member(context, "page");
    facts.page_title = text(page, "title");
    facts.device = text(context, "viewport");
    facts.page_language = joined({text(page, "lang"), text(page, "dir") == "rtl" ? "right to left" : ""});
    const json& product = member(context, "product");
    facts.product = joined({text(product, "name"), text(product, "sku"), with_currency(product, "price")});
    const json& cart = member(context, "cart");
    if (!cart.empty()) {
        const auto count = cart.find("item_count");
        const std::int64_t items =
            count != cart.end() && count->is_number_integer() ? count->get<std::int64_t>() : 0;
        facts.cart =
            joined({items == 1 ? "1 item" : std::to_string(items) + " items", with_currency(cart, "total")});
    }
    const json& order = member(context, "order");
    facts.order = joined({text(order, "id").empty() ? "" : "#" + text(order, "id"), text(order, "status")});
    const json& custom = member(context, "custom");
    for (const auto& item : custom.items())
        if (item.value().is_string())
            facts.custom.push_back(item.key() + ": " + item.value().get<std::string>());
    const json& shopper = member(context, "shopper");
    if (!text(shopper, "id").empty()) {
        facts.shopper = joined({text(shopper, "name"), text(shopper, "email"), "id " + text(shopper, "id")});
        const auto verified = shopper.find("verified");
        facts.shopper_verified = verified != shopper.end() && verified->is_boolean() && verified->get<bool>();
    }
    return facts;
}

std::string describe_shopper(const ContextFacts& facts) {
    if (facts.shopper.empty())
        return {};
    return facts.shopper + (facts.shopper_verified ? " (verified by the site)" : " (unverified)");
}

} // namespace support::console
