#include "catch_amalgamated.hpp"
#include "shared/ui/rich_text.h"
#include "tests/ui/headless_imgui.h"

#include <nlohmann/json.hpp>

using namespace support::ui;
using support::content::Block;
using support::content::BlockKind;
using support::content::InlineSpan;
using support::content::MarkdownDocument;
using support::ui::testing::HeadlessImGui;

namespace {

InlineSpan text(std::string t) {
    InlineSpan span;
    span.text = std::move(t);
    return span;
}
InlineSpan bold(std::string t) {
    InlineSpan span = text(std::move(t));
    span.bold = true;
    return span;
}
InlineSpan anchor(std::string t, std::string href) {
    InlineSpan span = text(std::move(t));
    span.link_href = std::move(href);
    return span;
}

std::vector<const SemanticNode*> children_of(const SemanticTree& tree, NodeId parent) {
    std::vector<const SemanticNode*> out;
    for (const SemanticNode& node : tree.nodes())
        if (node.parent == parent)
            out.push_back(&node);
    return out;
}

} // namespace

TEST_CASE("each paragraph of an article becomes a paragraph node with its text", "[ui][rich_text]") {
    HeadlessImGui h;
    MarkdownDocument doc;
    doc.blocks.push_back(
        Block{BlockKind::Paragraph, 0, {text("You have "), bold("60 days"), text(" to return.")}});
    doc.blocks.push_back(Block{BlockKind::Paragraph, 0, {text("Refunds take 5 days.")}});
    h.frame([&] { rich_text("body", doc); });
    const auto& tree = h.ui().tree();
    const SemanticNode* first = tree.find_by_role(Role::Paragraph, "You have 60 days to return.");
    const SemanticNode* second = tree.find_by_role(Role::Paragraph, "Refunds take 5 days.");
    REQUIRE(first != nullptr);
    REQUIRE(second != nullptr);
    CHECK(second->rect.y >= first->rect.y + first->rect.h);
    CHECK(tree.nodes().size() == 2);
}

TEST_CASE("a long paragraph wraps to the panel's width and grows taller", "[ui][rich_text]") {
    HeadlessImGui narrow(200, 600);
    MarkdownDocument doc;
    doc.blocks.push_back(Block{BlockKind::Paragraph,
                               0,
                               {text("You can return unworn shoes within sixty days of delivery for a full "
                                     "refund, and we pay for the return label.")}});
    narrow.frame([&] { rich_text("body", doc); });
    const Rect rect = narrow.ui().tree().nodes().at(0).rect;
    CHECK(rect.w <= 200);
    CHECK(rect.h > ImGui::GetFontSize() * 3);
}

TEST_CASE("bullet and numbered items form lists of list items", "[ui][rich_text]") {
    HeadlessImGui h;
    MarkdownDocument doc;
    doc.blocks.push_back(Block{BlockKind::BulletItem, 0, {text("Unworn")}});
    doc.blocks.push_back(Block{BlockKind::BulletItem, 0, {text("In the original box")}});
    doc.blocks.push_back(Block{BlockKind::NumberedItem, 1, {text("Print the label")}});
    doc.blocks.push_back(Block{BlockKind::NumberedItem, 2, {text("Drop it off")}});
    h.frame([&] { rich_text("body", doc); });
    const auto& tree = h.ui().tree();
    std::vector<const SemanticNode*> lists;
    for (const SemanticNode& node : tree.nodes())
        if (node.role == Role::List)
            lists.push_back(&node);
    REQUIRE(lists.size() == 2);
    const auto bullets = children_of(tree, lists[0]->id);
    REQUIRE(bullets.size() == 2);
    CHECK(bullets[1]->name == "In the original box");
    CHECK(bullets[1]->role == Role::ListItem);
    const auto steps = children_of(tree, lists[1]->id);
    REQUIRE(steps.size() == 2);
    CHECK(steps[0]->name == "1. Print the label");
    CHECK(steps[1]->name == "2. Drop it off");
}

TEST_CASE("wrapped lines of a list item start under its text, not under the bullet", "[ui][rich_text]") {
    HeadlessImGui h(220, 600);
    MarkdownDocument doc;
    doc.blocks.push_back(
        Block{BlockKind::BulletItem,
              0,
              {text("Keep the shoes unworn and in their box, then "), anchor("print a label", "/x")}});
    h.frame([&] { rich_text("body", doc); });
    const auto& tree = h.ui().tree();
    const SemanticNode* item = nullptr;
    for (const SemanticNode& node : tree.nodes())
        if (node.role == Role::ListItem)
            item = &node;
    REQUIRE(item != nullptr);
    const auto parts = children_of(tree, item->id);
    REQUIRE(parts.size() == 2);
    const SemanticNode* first_text = parts[0];
    const SemanticNode* the_link = parts[1];
    CHECK(first_text->role == Role::Text);
    CHECK(the_link->rect.y > first_text->rect.y);  // the link is on a later line…
    CHECK(the_link->rect.x >= first_text->rect.x); // …indented like the first line's text
    CHECK(first_text->rect.x > item->rect.x + 5);  // which itself leaves room for the bullet
}

TEST_CASE("a link becomes a link node with its href inside its paragraph", "[ui][rich_text]") {
    HeadlessImGui h;
    MarkdownDocument doc;
    doc.blocks.push_back(
        Block{BlockKind::Paragraph,
              0,
              {text("See the "), anchor("size guide", "/size-guide.html"), text(" first.")}});
    h.frame([&] { rich_text("body", doc); });
    const auto& tree = h.ui().tree();
    const SemanticNode* paragraph = tree.find_by_role(Role::Paragraph, "See the size guide first.");
    REQUIRE(paragraph != nullptr);
    const auto parts = children_of(tree, paragraph->id);
    REQUIRE(parts.size() == 3);
    CHECK(parts[0]->role == Role::Text);
    CHECK(parts[0]->name == "See the ");
    CHECK(parts[1]->role == Role::Link);
    CHECK(parts[1]->name == "size guide");
    CHECK(parts[1]->href == "/size-guide.html");
    CHECK(parts[1]->action == Action::Activate);
    CHECK(parts[2]->name == " first.");

    const auto json = nlohmann::json::parse(tree.to_json());
    bool found = false;
    for (const auto& node : json.at("nodes"))
        if (node.at("role") == "link") {
            found = true;
            CHECK(node.at("href") == "/size-guide.html");
            CHECK(node.at("parent") == paragraph->id);
        }
    CHECK(found);
}

TEST_CASE("activating a link, by pointer or from the DOM, returns its href once", "[ui][rich_text]") {
    HeadlessImGui h;
    MarkdownDocument doc;
    doc.blocks.push_back(
        Block{BlockKind::Paragraph, 0, {text("Read our "), anchor("returns policy", "https://x.test/r")}});
    std::vector<std::string> opened;
    auto draw = [&] {
        if (auto href = rich_text("body", doc))
            opened.push_back(*href);
    };
    h.frame(draw);
    const SemanticNode* node = h.ui().tree().find_by_role(Role::Link, "returns policy");
    REQUIRE(node != nullptr);
    const Rect rect = node->rect;
    h.click(rect, draw);
    h.frame(draw);
    CHECK(opened == std::vector<std::string>{"https://x.test/r"});

    h.ui().activate(h.ui().tree().find_by_role(Role::Link, "returns policy")->id);
    h.frame(draw);
    h.frame(draw);
    CHECK(opened.size() == 2);
}

TEST_CASE("a link's node id stays the same from frame to frame", "[ui][rich_text]") {
    HeadlessImGui h;
    MarkdownDocument doc;
    doc.blocks.push_back(Block{BlockKind::Paragraph, 0, {anchor("Contact us", "/contact")}});
    h.frame([&] { rich_text("body", doc); });
    const NodeId first = h.ui().tree().find_by_role(Role::Link, "Contact us")->id;
    h.frame([&] { rich_text("body", doc); });
    CHECK(h.ui().tree().find_by_role(Role::Link, "Contact us")->id == first);
    CHECK(first != 0);
}

TEST_CASE("bold text asks for the bold face once and draws regular until it arrives", "[ui][rich_text]") {
    HeadlessImGui h;
    MarkdownDocument doc;
    doc.blocks.push_back(Block{BlockKind::Paragraph, 0, {text("Plain "), bold("bold")}});
    h.frame([&] { rich_text("body", doc); });
    CHECK(h.ui().style_fonts().take_wanted() == (1u << static_cast<unsigned>(FontStyle::Bold)));
    h.frame([&] { rich_text("body", doc); });
    CHECK(h.ui().style_fonts().take_wanted() == 0);
    CHECK(h.ui().tree().find_by_role(Role::Paragraph, "Plain bold") != nullptr);
}

TEST_CASE("a document without styled text asks for no extra face", "[ui][rich_text]") {
    HeadlessImGui h;
    MarkdownDocument doc;
    doc.blocks.push_back(Block{BlockKind::Paragraph, 0, {text("Only regular text.")}});
    h.frame([&] { rich_text("body", doc); });
    CHECK(h.ui().style_fonts().take_wanted() == 0);
}
