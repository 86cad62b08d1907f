#include "shared/core/context/product_json_ld.h"

#include "shared/core/context/number_text.h"
#include "shared/core/parse_json.h"
#include "shared/core/text/utf8.h"
#include "shared/core/text/white_space.h"

#include <string_view>

namespace support::context {

namespace {

using nlohmann::json;

constexpr int k_max_depth = 6;
constexpr std::size_t k_max_categories = 10;

std::string bounded(std::string_view value) {
    const std::string_view cut =
        text::truncate_utf8(text::trim_white_space(value), protocol::k_max_context_value_bytes);
    return text::is_valid_utf8(cut) ? std::string(cut) : std::string();
}

// Text or a number as text ("19.9" stays as the page wrote it when it is text).
std::string text_of(const json& value) {
    if (value.is_string())
        return bounded(value.get_ref<const std::string&>());
    return number_as_text(value).value_or(std::string());
}

std::string member_text(const json& node, const char* key) {
    const auto it = node.find(key);
    return it == node.end() ? std::string() : text_of(*it);
}

// "http://schema.org/Product", "schema:Product", "Product" → "Product".
std::string_view local_name(std::string_view type) {
    const std::size_t cut = type.find_last_of("/:#");
    return cut == std::string_view::npos ? type : type.substr(cut + 1);
}

bool names_product(const json& type) {
    const auto one = [](const json& t) {
        if (!t.is_string())
            return false;
        const std::string_view name = local_name(t.get_ref<const std::string&>());
        return name == "Product" || name == "IndividualProduct" || name == "ProductModel" ||
               name == "ProductGroup" || name == "SomeProducts";
    };
    if (type.is_array()) {
        for (const json& t : type)
            if (one(t))
                return true;
        return false;
    }
    return one(type);
}

const json* find_product(const json& node, int depth) {
    if (depth > k_max_depth)
        return nullptr;
    if (node.is_array()) {
        for (const json& item : node)
            if (const json* found = find_product(item, depth + 1))
                return found;
        return nullptr;
    }
    if (!node.is_object())
        return nullptr;
    if (const auto type = node.find("@type"); type != node.end() && names_product(*type))
        return &node;
    // A WebPage's mainEntity, an ItemPage's about: where page builders nest the product.
    for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage", "about", "itemListElement", "item"})
        if (const auto inner = node.find(key); inner != node.end())
            if (const json* found = find_product(*inner, depth + 1))
                return found;
    return nullptr;
}

std::string availability_name(std::string_view value) {
    std::string name = bounded(local_name(text::trim_white_space(value)));
    return name.size() <= 64 ? name : std::string();
}

// Price and currency of one Offer or AggregateOffer; empty when it has none.
void read_offer(const json& offer, protocol::ProductContext& product, int depth) {
    if (depth > k_max_depth || !product.price.empty())
        return;
    if (offer.is_array()) {
        for (const json& item : offer)
            read_offer(item, product, depth + 1);
        return;
    }
    if (!offer.is_object())
        return;
    std::string price = member_text(offer, "price");
    if (price.empty())
        price = member_text(offer, "lowPrice"); // AggregateOffer
    std::string currency = member_text(offer, "priceCurrency");
    if (price.empty()) {
        if (const auto spec = offer.find("priceSpecification"); spec != offer.end()) {
            protocol::ProductContext inner;
            read_offer(*spec, inner, depth + 1);
            price = inner.price;
            if (currency.empty())
                currency = inner.currency;
        }
    }
    if (price.empty()) {
        if (const auto nested = offer.find("offers"); nested != offer.end())
            read_offer(*nested, product, depth + 1); // an AggregateOffer listing its offers
        return;
    }
    // As bounded on the wire (protocol/context_snapshot.h): a value too long for it is left out.
    product.price = price.size() <= 32 ? price : std::string();
    product.currency = currency.size() <= 8 ? currency : std::string();
    if (product.availability.empty())
        product.availability = availability_name(member_text(offer, "availability"));
}

} // namespace

std::optional<PageProduct> product_from_json_ld(const std::vector<std::string>& scripts) {
    std::size_t read = 0;
    for (const std::string& script : scripts) {
        if (++read > k_max_json_ld_scripts)
            break;
        if (script.size() > k_max_json_ld_bytes)
            continue;
        const json document = parse_json(script);
        if (document.is_discarded())
            continue;
        const json* node = find_product(document, 0);
        if (!node)
            continue;
        PageProduct found;
        protocol::ProductContext& product = found.product;
        product.name = member_text(*node, "name");
        for (const char* key : {"sku", "productID", "mpn", "gtin13", "gtin"}) {
            product.sku = member_text(*node, key);
            if (!product.sku.empty())
                break;
        }
        if (const auto offers = node->find("offers"); offers != node->end())
            read_offer(*offers, product, 0);
        if (product.availability.empty())
            product.availability = availability_name(member_text(*node, "availability"));
        if (const auto category = node->find("category"); category != node->end()) {
            const json list = category->is_array() ? *category : json::array({*category});
            for (const json& item : list) {
                if (found.categories.size() == k_max_categories)
                    break;
                std::string name = item.is_object() ? member_text(item, "name") : text_of(item);
                if (!name.empty())
                    found.categories.push_back(std::move(name));
            }
        }
        return found;
    }
    return std::nullopt;
}

} // namespace support::context
