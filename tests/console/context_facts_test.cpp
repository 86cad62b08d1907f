#include "catch_amalgamated.hpp"

#include "console/model/context_facts.h"

#include <nlohmann/json.hpp>

using namespace support::console;
using nlohmann::json;

TEST_CASE("console context facts: what the page and the site said reads as one line each",
          "[console][context]") {
    const ContextFacts facts = read_context_facts(json::parse(R"({
        "page": {"url": "https://shop.example/cart", "title": "העגלה", "lang": "he", "dir": "rtl"},
        "viewport": "phone",
        "product": {"name": "Trail Runner 2", "sku": "NW-TR2", "price": "129.00", "currency": "USD"},
        "cart": {"item_count": 1, "total": "129.00", "currency": "USD"},
        "order": {"id": "1042", "status": "shipped"},
        "custom": {"plan": "gold", "points": "1200"},
        "shopper": {"id": "c-1042", "email": "dana@example.com", "name": "Dana Levi", "verified": true}})"));
    CHECK(facts.page_title == "העגלה");
    CHECK(facts.page_language == "he, right to left");
    CHECK(facts.device == "phone");
    CHECK(facts.product == "Trail Runner 2, NW-TR2, 129.00 USD");
    CHECK(facts.cart == "1 item, 129.00 USD");
    CHECK(facts.order == "#1042, shipped");
    CHECK(facts.custom == std::vector<std::string>{"plan: gold", "points: 1200"});
    CHECK(describe_shopper(facts) == "Dana Levi, dana@example.com, id c-1042 (verified by the site)");
}

TEST_CASE("console context facts: an identity the site did not sign is shown as unverified",
          "[console][context]") {
    CHECK(describe_shopper(read_context_facts(json::parse(R"({"shopper": {"id": "c-7"}})"))) ==
          "id c-7 (unverified)");
    // Only a true boolean verifies; what else arrives does not.
    CHECK(describe_shopper(read_context_facts(
              json::parse(R"({"shopper": {"id": "c-7", "verified": "yes"}})"))) == "id c-7 (unverified)");
    CHECK(describe_shopper(read_context_facts(json::parse(R"({"shopper": {"email": "x@y.z"}})"))).empty());
    CHECK(read_context_facts(json::parse("[1]")) == ContextFacts{});
}
