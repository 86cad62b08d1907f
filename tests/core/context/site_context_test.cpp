// SupportWidget('setContext', …) as site owners call it: what staff then see beside a chat, and the
// clear error a mistake gets instead of a silently missing field.
#include "catch_amalgamated.hpp"
#include "shared/core/context/site_context.h"

using namespace support;
using namespace support::context;

namespace {

Error error_of(std::string_view text) {
    auto parsed = parse_site_context(text);
    REQUIRE_FALSE(parsed);
    return parsed.error();
}

} // namespace

TEST_CASE("The cart, the order, the product and the site's own fields are read as the site writes them") {
    const auto site = parse_site_context(R"json({
        "product": {"name": "Trail Runner 2", "sku": "NW-TR2", "price": 129, "currency": "USD"},
        "cart": {"items": [{"sku": "a", "quantity": 2}, {"sku": "b"}], "total": 239.8, "currency": "USD"},
        "order": {"id": "A-1001", "status": "shipped"},
        "custom": {"plan": "gold", "points": 1200, "b2b": false}})json");
    REQUIRE(site);
    CHECK(site->product->price == "129");
    CHECK(site->cart->item_count == 3);
    CHECK(site->cart->total == "239.80");
    CHECK(site->order->id == "A-1001");
    CHECK(site->custom == std::vector<std::pair<std::string, std::string>>{
                              {"b2b", "false"}, {"plan", "gold"}, {"points", "1200"}});
    const auto counted = parse_site_context(R"({"cart":{"items":4}})");
    REQUIRE(counted);
    CHECK(counted->cart->item_count == 4);
}

TEST_CASE("The site's parts replace the page's own; what the site leaves out stays") {
    protocol::ContextSnapshot snapshot;
    snapshot.page_url = "https://shop.example/p/1";
    snapshot.product = protocol::ProductContext{"From JSON-LD", "LD-1", "10.00", "EUR", "InStock"};
    const auto site = parse_site_context(R"({"order":{"id":"A-7"}})");
    REQUIRE(site);
    apply_site_context(*site, snapshot);
    CHECK(snapshot.product->sku == "LD-1");
    CHECK(snapshot.order->id == "A-7");
    const auto product = parse_site_context(R"({"product":{"sku":"SITE-1"}})");
    apply_site_context(*product, snapshot);
    CHECK(snapshot.product->sku == "SITE-1");
    CHECK(snapshot.product->name.empty());
}

TEST_CASE("A secret in any value is masked") {
    const auto site = parse_site_context(R"({"custom":{"note":"card 4111 1111 1111 1111"}})");
    REQUIRE(site);
    CHECK(site->custom[0].second == "card [card …1111]");
}

TEST_CASE("Mistakes are named with a stable id and the place at fault") {
    CHECK(error_of("{").code == "context.site.invalid_json");
    CHECK(error_of("[]").code == "context.site.not_an_object");
    const Error unknown = error_of(R"({"customer":{"email":"a@b.c"}})");
    CHECK(unknown.code == "context.site.unknown_field");
    CHECK(unknown.field == "/customer");
    CHECK(error_of(R"({"cart":{"totl":"3"}})").field == "/cart/totl");
    CHECK(error_of(R"({"order":"A-1"})").code == "context.site.wrong_type");
    CHECK(error_of(R"({"product":{"price":{"amount":3}}})").field == "/product/price");
    CHECK(error_of(R"({"product":{"currency":"US dollars"}})").code == "context.site.too_long");
    CHECK(error_of(R"({"cart":{"items":"three"}})").field == "/cart/items");
}

TEST_CASE("identify: the shopper's id (text or a number), e-mail, name and the site's hash are read") {
    const std::string hash(64, 'a');
    const auto shopper = parse_shopper_identity(
        R"({"id": 1042, "email": "dana@example.com", "name": "דנה", "hash": ")" + hash + "\"}");
    REQUIRE(shopper);
    CHECK(shopper->id == "1042");
    CHECK(shopper->email == "dana@example.com");
    CHECK(shopper->name == "דנה");
    CHECK(shopper->hash == hash);
    CHECK_FALSE(shopper->verified); // only support-server says so
    // A hash whose digits look like a card number is not masked.
    const std::string digits = "4111111111111111" + std::string(48, '0');
    CHECK(parse_shopper_identity(R"({"id": "c-1", "hash": ")" + digits + "\"}")->hash == digits);
}

TEST_CASE("identify: mistakes name the field, under context.identity") {
    const auto error = [](std::string_view text) {
        auto parsed = parse_shopper_identity(text);
        REQUIRE_FALSE(parsed);
        return parsed.error();
    };
    CHECK(error(R"({"email": "dana@example.com"})").code == "context.identity.missing_id");
    CHECK(error(R"({"id": "c-1", "mail": "x"})").code == "context.identity.unknown_field");
    CHECK(error(R"({"id": "c-1", "mail": "x"})").field == "/mail");
    CHECK(error(R"({"id": "c-1", "hash": "not hex"})").code == "context.identity.bad_hash");
    CHECK(error(R"({"id": "c-1", "hash": 5})").field == "/hash");
    CHECK(error(R"({"id": ["c-1"]})").code == "context.identity.wrong_type");
    CHECK(error("[]").code == "context.identity.not_an_object");
    CHECK(error("{").code == "context.identity.invalid_json");
}
