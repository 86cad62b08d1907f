#include "catch_amalgamated.hpp"
#include "shared/ui/controls.h"
#include "tests/ui/headless_imgui.h"

#include <nlohmann/json.hpp>

using namespace support::ui;
using support::ui::testing::HeadlessImGui;

TEST_CASE("an unchanged frame reports no semantic change; a new value does", "[ui][tree]") {
    HeadlessImGui h;
    std::string query;
    auto draw = [&] {
        button("Close");
        text_field("Search help articles", query, {.kind = TextFieldKind::Search});
    };
    CHECK(h.frame(draw));
    h.frame(draw);
    CHECK_FALSE(h.frame(draw));
    h.ui().set_text(h.ui().tree().find_by_role(Role::SearchBox, "Search help articles")->id, "returns");
    CHECK(h.frame(draw));
    CHECK_FALSE(h.frame(draw));
}

TEST_CASE("the tree serialises to the JSON the ARIA mirror reads", "[ui][tree]") {
    HeadlessImGui h;
    std::string query = "size";
    h.frame([&] {
        heading("Help", 1);
        button("x##close", {.style = ButtonStyle::Quiet, .accessible_name = "Close"});
        text_field("Search help articles", query, {.kind = TextFieldKind::Search, .placeholder = "Search"});
    });
    const auto doc = nlohmann::json::parse(h.ui().tree().to_json());
    const auto& nodes = doc.at("nodes");
    REQUIRE(nodes.size() == 3);
    CHECK(nodes[0].at("role") == "heading");
    CHECK(nodes[0].at("level") == 1);
    CHECK(nodes[1].at("role") == "button");
    CHECK(nodes[1].at("name") == "Close");
    CHECK(nodes[1].at("action") == "activate");
    CHECK(nodes[2].at("role") == "searchbox");
    CHECK(nodes[2].at("value") == "size");
    CHECK(nodes[2].at("rect").size() == 4);
    CHECK_FALSE(nodes[2].contains("input")); // a plain one-line field
    CHECK_FALSE(nodes[2].contains("maxLength"));
}

TEST_CASE("a field's kind, length and refusal reach the mirror", "[ui][tree]") {
    HeadlessImGui h;
    std::string what;
    std::string email = "dana@";
    h.frame([&] {
        text_field("What went wrong?", what, {.kind = TextFieldKind::Multiline, .max_chars = 1000});
        text_field("Email", email, {.kind = TextFieldKind::Email, .invalid = true});
    });
    const auto nodes = nlohmann::json::parse(h.ui().tree().to_json()).at("nodes");
    REQUIRE(nodes.size() == 2);
    CHECK(nodes[0].at("role") == "textbox");
    CHECK(nodes[0].at("input") == "multiline");
    CHECK(nodes[0].at("maxLength") == 1000);
    CHECK(nodes[1].at("input") == "email");
    CHECK((nodes[1].at("state").get<std::uint32_t>() & NodeState_Invalid) != 0);
}

TEST_CASE("invalid UTF-8 in a name still serialises to valid JSON", "[ui][tree]") {
    SemanticTree tree;
    tree.begin_frame();
    SemanticNode node;
    node.id = 7;
    node.name = std::string("bad \xff\xfe bytes");
    tree.add(node);
    tree.end_frame();
    const auto doc = nlohmann::json::parse(tree.to_json(), nullptr, false);
    REQUIRE_FALSE(doc.is_discarded());
    CHECK(doc.at("nodes")[0].at("name").get<std::string>().find("bad") == 0);
}
