#include "catch_amalgamated.hpp"
#include "shared/ui/controls.h"
#include "tests/ui/headless_imgui.h"

using namespace support::ui;
using support::ui::testing::HeadlessImGui;

TEST_CASE("a button emits a button node with its name, action and rectangle", "[ui][button]") {
    HeadlessImGui h;
    h.frame([] { button("Send message"); });
    const SemanticNode* node = h.ui().tree().find_by_role(Role::Button, "Send message");
    REQUIRE(node != nullptr);
    CHECK(node->action == Action::Activate);
    CHECK(node->id != 0);
    CHECK(node->rect.w >= 44.0f);
    CHECK(node->rect.h >= 44.0f);
}

TEST_CASE("an icon button is named by its accessible name, not its symbol", "[ui][button]") {
    HeadlessImGui h;
    h.frame([] {
        button("close", {.style = ButtonStyle::Quiet, .icon = ButtonIcon::Close, .accessible_name = "Close"});
    });
    CHECK(h.ui().tree().find_by_role(Role::Button, "Close") != nullptr);
    CHECK(h.ui().tree().find_by_role(Role::Button, "close") == nullptr);
}

TEST_CASE("a pointer click on a button activates it exactly once", "[ui][button]") {
    HeadlessImGui h;
    int activations = 0;
    auto draw = [&] {
        if (button("Close"))
            ++activations;
    };
    h.frame(draw);
    const Rect rect = h.ui().tree().find_by_role(Role::Button, "Close")->rect;
    h.click(rect, draw);
    h.frame(draw);
    CHECK(activations == 1);
}

TEST_CASE("a click outside a button does not activate it", "[ui][button]") {
    HeadlessImGui h;
    int activations = 0;
    auto draw = [&] {
        if (button("Close"))
            ++activations;
    };
    h.frame(draw);
    Rect rect = h.ui().tree().find_by_role(Role::Button, "Close")->rect;
    rect.y += rect.h + 100;
    h.click(rect, draw);
    CHECK(activations == 0);
}

TEST_CASE("an activation from the DOM activates the button on the next frame, once", "[ui][button]") {
    HeadlessImGui h;
    int activations = 0;
    auto draw = [&] {
        if (button("Close"))
            ++activations;
    };
    h.frame(draw);
    h.ui().activate(h.ui().tree().find_by_role(Role::Button, "Close")->id);
    h.frame(draw);
    h.frame(draw);
    CHECK(activations == 1);
}

TEST_CASE("an activation for a control that is no longer drawn is dropped", "[ui][button]") {
    HeadlessImGui h;
    bool show = true;
    int activations = 0;
    auto draw = [&] {
        if (show && button("Close"))
            ++activations;
    };
    h.frame(draw);
    h.ui().activate(h.ui().tree().find_by_role(Role::Button, "Close")->id);
    show = false;
    h.frame(draw);
    show = true;
    h.frame(draw);
    CHECK(activations == 0);
}

TEST_CASE("text typed into the native input reaches the field's value and node", "[ui][text_field]") {
    HeadlessImGui h;
    std::string query;
    int changes = 0;
    auto draw = [&] {
        if (text_field("Search help articles", query,
                       {.kind = TextFieldKind::Search, .placeholder = "Search"}))
            ++changes;
    };
    h.frame(draw);
    const SemanticNode* node = h.ui().tree().find_by_role(Role::SearchBox, "Search help articles");
    REQUIRE(node != nullptr);
    CHECK(node->action == Action::EditText);
    CHECK(node->placeholder == "Search");

    h.ui().set_text(node->id, "where is my order");
    h.frame(draw);
    h.frame(draw);
    CHECK(query == "where is my order");
    CHECK(changes == 1);
    CHECK(h.ui().tree().find_by_role(Role::SearchBox, "Search help articles")->value == "where is my order");
}

TEST_CASE("DOM focus marks the node focused", "[ui][focus]") {
    HeadlessImGui h;
    auto draw = [] { button("Close"); };
    h.frame(draw);
    const NodeId id = h.ui().tree().find_by_role(Role::Button, "Close")->id;
    h.ui().set_focus(id, FocusVisibility::Visible);
    h.frame(draw);
    CHECK(h.ui().tree().find(id)->has_state(NodeState_Focused));
    CHECK(h.ui().focus_ring_visible(id));
    h.ui().set_focus(0, FocusVisibility::Hidden);
    h.frame(draw);
    CHECK_FALSE(h.ui().tree().find(id)->has_state(NodeState_Focused));
}

TEST_CASE("focus_next_control asks the platform to focus the next focusable control", "[ui][focus]") {
    HeadlessImGui h;
    std::string query;
    auto draw = [&] {
        heading("Help", 1);
        h.ui().focus_next_control();
        text_field("Search help articles", query, {.kind = TextFieldKind::Search});
        button("Close");
    };
    h.frame(draw);
    const NodeId field = h.ui().tree().find_by_role(Role::SearchBox, "Search help articles")->id;
    CHECK(h.ui().take_focus_request() == field);
    CHECK(h.ui().take_focus_request() == 0);
}

TEST_CASE("headings carry their level and list items their list", "[ui][content]") {
    HeadlessImGui h;
    h.frame([] {
        heading("Popular articles", 2);
        begin_list("Suggested articles");
        list_item("Where is my order?");
        list_item("How do I return an item?");
        end_list();
        paragraph("Ask us anything.");
    });
    const auto& tree = h.ui().tree();
    REQUIRE(tree.find_by_role(Role::Heading, "Popular articles") != nullptr);
    CHECK(tree.find_by_role(Role::Heading, "Popular articles")->level == 2);
    const SemanticNode* list = tree.find_by_role(Role::List, "Suggested articles");
    REQUIRE(list != nullptr);
    const SemanticNode* item = tree.find_by_role(Role::ListItem, "How do I return an item?");
    REQUIRE(item != nullptr);
    CHECK(item->parent == list->id);
    CHECK(list->rect.h >= item->rect.h * 2);
    CHECK(tree.find_by_role(Role::Paragraph, "Ask us anything.")->parent == 0);
}

TEST_CASE("identical paragraphs get distinct, stable ids", "[ui][content]") {
    HeadlessImGui h;
    auto draw = [] {
        paragraph("Same text");
        paragraph("Same text");
    };
    h.frame(draw);
    const auto first = h.ui().tree().nodes();
    REQUIRE(first.size() == 2);
    CHECK(first[0].id != first[1].id);
    h.frame(draw);
    CHECK(h.ui().tree().nodes()[1].id == first[1].id);
}

TEST_CASE("a control that receives focus outside the visible part of a scrolling view scrolls into view",
          "[ui][focus]") {
    HeadlessImGui h(380, 300);
    auto draw = [] {
        ImGui::BeginChild("##view", ImVec2(0, 150));
        for (int i = 0; i < 12; ++i)
            button(("Article " + std::to_string(i)).c_str());
        ImGui::EndChild();
    };
    h.frame(draw);
    const NodeId last = h.ui().tree().find_by_role(Role::Button, "Article 11")->id;
    const float view_bottom = 150 + 8 + 8; // child height under the window padding, with a margin
    CHECK(h.ui().tree().find(last)->rect.y > view_bottom);
    h.ui().set_focus(last, FocusVisibility::Visible);
    h.frame(draw);
    h.frame(draw);
    const Rect rect = h.ui().tree().find(last)->rect;
    CHECK(rect.y + rect.h <= view_bottom);
    CHECK(rect.y >= 0);
}

TEST_CASE("a list titled like the heading above it gets its own id, stable across frames", "[ui][list]") {
    HeadlessImGui h;
    auto draw = [] {
        heading("Step-by-step guides", 2);
        begin_list("Step-by-step guides");
        list_item("Track your order");
        end_list();
    };
    h.frame(draw);
    const SemanticNode* title = h.ui().tree().find_by_role(Role::Heading, "Step-by-step guides");
    const SemanticNode* list = h.ui().tree().find_by_role(Role::List, "Step-by-step guides");
    REQUIRE(title != nullptr);
    REQUIRE(list != nullptr);
    CHECK(title->id != list->id);
    const NodeId list_id = list->id;
    h.frame(draw);
    CHECK(h.ui().tree().find_by_role(Role::List, "Step-by-step guides")->id == list_id);
}

TEST_CASE("two nodes emitted with one id in a frame keep distinct ids", "[ui][semantics]") {
    HeadlessImGui h;
    h.frame([] {
        SemanticNode a;
        a.id = 42;
        a.role = Role::Text;
        a.name = "first";
        current_context().emit(a);
        SemanticNode b = a;
        b.name = "second";
        current_context().emit(b);
    });
    const auto& nodes = h.ui().tree().nodes();
    REQUIRE(nodes.size() >= 2);
    CHECK(h.ui().tree().find_by_role(Role::Text, "first")->id !=
          h.ui().tree().find_by_role(Role::Text, "second")->id);
}

TEST_CASE("a form's fields say what they take: several lines, an e-mail address, a length, a refusal",
          "[ui][text_field]") {
    HeadlessImGui h;
    std::string what;
    std::string email;
    h.frame([&] {
        text_field("What went wrong?", what,
                   {.kind = TextFieldKind::Multiline, .lines = 4, .max_chars = 1000, .show_label = true});
        text_field("Email for a reply (optional)", email,
                   {.kind = TextFieldKind::Email, .max_chars = 254, .invalid = true, .show_label = true});
    });
    REQUIRE(h.ui().tree().nodes().size() == 2); // a shown label is part of its field, not a node
    const SemanticNode* description = h.ui().tree().find_by_role(Role::TextBox, "What went wrong?");
    const SemanticNode* address = h.ui().tree().find_by_role(Role::TextBox, "Email for a reply (optional)");
    REQUIRE(description != nullptr);
    REQUIRE(address != nullptr);
    CHECK(description->input == TextInput::Multiline);
    CHECK(description->max_chars == 1000);
    CHECK_FALSE(description->has_state(NodeState_Invalid));
    CHECK(description->rect.h >= 3 * address->rect.h / 2); // taller than a one-line field
    CHECK(address->input == TextInput::Email);
    CHECK(address->max_chars == 254);
    CHECK(address->has_state(NodeState_Invalid));
    CHECK(address->rect.y > description->rect.y + description->rect.h); // below, with its label between
}

TEST_CASE("in a right-to-left UI buttons on one line run from the right edge leftwards",
          "[ui][button][rtl]") {
    HeadlessImGui h(380, 600);
    h.ui().set_right_to_left(true);
    h.frame([] {
        button("Yes");
        ImGui::SameLine();
        button("No");
        button("Send");
    });
    const Rect yes = h.ui().tree().find_by_role(Role::Button, "Yes")->rect;
    const Rect no = h.ui().tree().find_by_role(Role::Button, "No")->rect;
    const Rect send = h.ui().tree().find_by_role(Role::Button, "Send")->rect;
    const float right_edge = 380 - ImGui::GetStyle().WindowPadding.x;
    CHECK(yes.x + yes.w == Catch::Approx(right_edge).margin(1.0f)); // the first at the start: the right
    CHECK(no.x + no.w < yes.x);                                     // the next one to its left
    CHECK(no.y == yes.y);
    CHECK(send.x + send.w == Catch::Approx(right_edge).margin(1.0f)); // a new line starts on the right again
    CHECK(send.y > yes.y);
}

TEST_CASE("in a left-to-right UI buttons on one line run from the left edge", "[ui][button][rtl]") {
    HeadlessImGui h(380, 600);
    h.frame([] {
        button("Yes");
        ImGui::SameLine();
        button("No");
    });
    const Rect yes = h.ui().tree().find_by_role(Role::Button, "Yes")->rect;
    const Rect no = h.ui().tree().find_by_role(Role::Button, "No")->rect;
    CHECK(yes.x == Catch::Approx(ImGui::GetStyle().WindowPadding.x).margin(1.0f));
    CHECK(no.x > yes.x + yes.w);
}
