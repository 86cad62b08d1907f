#pragma once
// A semantic node is what one control means to assistive technology: its role, accessible name,
// value, state, where it is drawn and what can be done with it. Every control drawn through
// shared/ui emits one per frame; shared/web mirrors them into a visually hidden ARIA DOM, and
// browser tests find controls through that mirror by role and name.

#include <cstdint>
#include <string>

namespace support::ui {

using NodeId = std::uint32_t; // the control's ImGuiID: stable across frames for the same label path

enum class Role : std::uint8_t {
    Button,
    Link,
    TextBox,
    SearchBox,
    Heading,
    Paragraph,
    List,
    ListItem,
    Text,        // a run of text inside a paragraph or list item that also holds links (a <span>)
    Status,      // a polite live region: its text is announced when it changes ("3 articles found")
    ProgressBar, // how far along something is: value is the percentage done ("67")
};

// The ARIA role name, as the mirror and tests spell it.
const char* role_name(Role role);

enum class Action : std::uint8_t {
    None,     // static content: heading, paragraph, list
    Activate, // button, link: click, Enter or Space, or an assistive technology's default action
    EditText, // text and search boxes: the value comes from a native input element
};

// Bit flags; a node carries a combination of them.
enum NodeState : std::uint32_t {
    NodeState_None = 0,
    NodeState_Focused = 1u << 0,
    NodeState_Disabled = 1u << 1,
    NodeState_Pressed = 1u << 2,
    NodeState_Expanded = 1u << 3,
    NodeState_Selected = 1u << 4,
    NodeState_Busy = 1u << 5,
    NodeState_Invalid = 1u << 6,  // a text field whose value the form refused (aria-invalid)
    NodeState_Replaced = 1u << 7, // a text field whose value the app replaced: the native element takes it
};

// What a text or search box takes, for the native element the mirror puts over it.
enum class TextInput : std::uint8_t {
    Text,      // one line: <input type=text>
    Email,     // one line, an e-mail address: <input type=email autocomplete=email>
    Multiline, // several lines: <textarea>
    Message,   // several lines where Enter sends and Shift+Enter starts a new line: <textarea
               // enterkeyhint=send>
    Password,  // one line, hidden: <input type=password autocomplete=current-password>
};

struct Rect {
    float x = 0, y = 0, w = 0, h = 0; // CSS pixels, relative to the top-left of the canvas

    bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
    bool operator==(const Rect&) const = default;
};

struct SemanticNode {
    NodeId id = 0;
    NodeId parent = 0; // 0: a child of the panel; otherwise the id of its container (list, list item,
                       // or a paragraph that holds links)
    Role role = Role::Paragraph;
    Action action = Action::None;
    std::string name;        // the accessible name ("Close", "Search help articles")
    std::string value;       // a text field's current value, a progress bar's percentage; else empty
    std::string placeholder; // a text field's hint; empty otherwise
    std::string href;        // a link's target, when it has one
    TextInput input = TextInput::Text; // text boxes only
    std::uint32_t max_chars = 0;       // text boxes: the most characters the field takes; 0 no limit
    std::uint32_t state = NodeState_None;
    int level = 0; // heading level 1–6; 0 for other roles
    Rect rect;

    bool has_state(NodeState s) const { return (state & s) != 0; }
    bool operator==(const SemanticNode&) const = default;
};

} // namespace support::ui
