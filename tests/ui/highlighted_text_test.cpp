#include "catch_amalgamated.hpp"
#include "shared/ui/controls.h"
#include "shared/ui/highlighted_text.h"
#include "tests/ui/headless_imgui.h"

#include <string>
#include <vector>

using namespace support::ui;
using support::ui::testing::HeadlessImGui;

namespace {

bool starts_a_character(std::string_view text, std::size_t at) {
    return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

std::vector<std::string> highlighted_parts(const std::vector<TextRun>& runs) {
    std::vector<std::string> out;
    for (const TextRun& run : runs)
        if (run.highlight)
            out.emplace_back(run.text);
    return out;
}

} // namespace

TEST_CASE("highlight ranges mark exactly the matched words", "[ui][highlight]") {
    const std::string_view text = "How do I return an item?";
    const TextRange ranges[] = {{9, 15}, {19, 23}};
    const auto runs = highlight_runs(text, ranges);
    CHECK(highlighted_parts(runs) == std::vector<std::string>{"return", "item"});
    std::string joined;
    for (const TextRun& run : runs)
        joined += run.text;
    CHECK(joined == text);
}

TEST_CASE("highlight ranges on Hebrew and Arabic text never split a UTF-8 sequence", "[ui][highlight]") {
    const std::string_view hebrew = "מדיניות החזרות"; // two-byte letters
    // [3, 8) starts inside ד and [17, 20) ends inside ז: both widen to whole letters.
    const TextRange ranges[] = {{3, 8}, {17, 20}};
    const auto runs = highlight_runs(hebrew, ranges);
    std::size_t at = 0;
    for (const TextRun& run : runs) {
        CHECK(starts_a_character(hebrew, at));
        at += run.text.size();
        CHECK(starts_a_character(hebrew, at));
    }
    CHECK(at == hebrew.size());
    CHECK(highlighted_parts(runs) == std::vector<std::string>{"דינ", "חז"});

    const std::string_view arabic = "سياسة الإرجاع";
    const TextRange inside[] = {{13, 14}};
    for (const TextRun& run : highlight_runs(arabic, inside))
        CHECK(starts_a_character(arabic, static_cast<std::size_t>(run.text.data() - arabic.data())));
}

TEST_CASE("overlapping, unsorted and out-of-range highlights are merged and clamped", "[ui][highlight]") {
    const std::string_view text = "free returns";
    const TextRange ranges[] = {{5, 9}, {0, 4}, {7, 12}, {40, 50}, {3, 1}};
    CHECK(highlighted_parts(highlight_runs(text, ranges)) == std::vector<std::string>{"free", "returns"});
}

TEST_CASE("a search result is a list item holding a link named by its title and its snippet",
          "[ui][search_result]") {
    HeadlessImGui h;
    const TextRange title_hits[] = {{9, 15}};
    const TextRange snippet_hits[] = {{4, 10}};
    auto draw = [&] {
        begin_list("Search results");
        search_result("return-policy", {"How do I return an item?", title_hits,
                                        "Our return policy gives you 60 days.", snippet_hits});
        end_list();
    };
    h.frame(draw);
    const auto& tree = h.ui().tree();
    const SemanticNode* list = tree.find_by_role(Role::List, "Search results");
    const SemanticNode* item = tree.find_by_role(Role::ListItem, "How do I return an item?");
    const SemanticNode* link = tree.find_by_role(Role::Link, "How do I return an item?");
    const SemanticNode* snippet = tree.find_by_role(Role::Paragraph, "Our return policy gives you 60 days.");
    REQUIRE(list != nullptr);
    REQUIRE(item != nullptr);
    REQUIRE(link != nullptr);
    REQUIRE(snippet != nullptr);
    CHECK(item->parent == list->id);
    CHECK(link->parent == item->id);
    CHECK(snippet->parent == item->id);
    CHECK(link->action == Action::Activate);
    CHECK(link->rect.h >= 44.0f);
}

TEST_CASE("a search result opens once on a click anywhere on it, or from the DOM", "[ui][search_result]") {
    HeadlessImGui h;
    int opened = 0;
    auto draw = [&] {
        begin_list("Search results");
        if (search_result("r1", {"Shipping times", {}, "Orders ship within two business days.", {}}))
            ++opened;
        end_list();
    };
    h.frame(draw);
    Rect snippet = h.ui().tree().find_by_role(Role::Paragraph, "Orders ship within two business days.")->rect;
    h.click(snippet, draw); // on the snippet, not the title
    h.frame(draw);
    CHECK(opened == 1);
    h.ui().activate(h.ui().tree().find_by_role(Role::Link, "Shipping times")->id);
    h.frame(draw);
    h.frame(draw);
    CHECK(opened == 2);
}

TEST_CASE("the status region is present even while empty, and carries its message", "[ui][status]") {
    HeadlessImGui h;
    std::string message;
    auto draw = [&] { status_text("results-status", message); };
    h.frame(draw);
    const SemanticNode* empty = h.ui().tree().find_by_role(Role::Status, "");
    REQUIRE(empty != nullptr);
    const NodeId id = empty->id;
    message = "3 articles found";
    h.frame(draw);
    const SemanticNode* found = h.ui().tree().find_by_role(Role::Status, "3 articles found");
    REQUIRE(found != nullptr);
    CHECK(found->id == id); // the same live region, so screen readers announce the change
}

TEST_CASE("a Back button shows its label after a drawn arrow and is named Back", "[ui][button]") {
    HeadlessImGui h;
    h.frame([] { button("Back", {.style = ButtonStyle::Quiet, .icon = ButtonIcon::Back}); });
    const SemanticNode* back = h.ui().tree().find_by_role(Role::Button, "Back");
    REQUIRE(back != nullptr);
    CHECK(back->rect.w > ImGui::CalcTextSize("Back").x);
}
