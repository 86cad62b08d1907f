#pragma once
// Controls drawn with Dear ImGui that also emit a semantic node (role, accessible name, value,
// state, rectangle, action) into the current ui::UiContext. Call them between ImGui::Begin() and
// ImGui::End() of a window, like ImGui's own widgets; labels follow ImGui's "visible##id" rules.
//
// Each control reacts to the pointer through ImGui and to the DOM through the context: a button
// reports an activation from either source exactly once.

#include "shared/ui/semantic_node.h"

#include <string>
#include <string_view>

namespace support::ui {

enum class ButtonStyle : std::uint8_t {
    Primary,   // brand-coloured, for the main action of a view
    Secondary, // outlined on the field colour: choices beside each other ("Yes" / "No")
    Quiet,     // text-coloured, no frame until hovered: header and icon buttons
};

enum class ButtonIcon : std::uint8_t {
    None,
    Close, // a drawn ×: crisp at any size, no glyph needed
    Back,  // a drawn ‹ before the visible label ("‹ Back")
};

struct ButtonOptions {
    ButtonStyle style = ButtonStyle::Primary;
    ButtonIcon icon = ButtonIcon::None; // Close: drawn instead of the label's visible text; Back: before it
    // Accessible name when the visible label is an icon or symbol ("×" → "Close").
    const char* accessible_name = nullptr;
    float width = 0; // 0: fit the label
    // A toggle that is on (aria-pressed="true"), drawn as Primary whatever its style.
    bool pressed = false;
};

// Returns true once when activated: pointer click, Enter/Space on the focused mirror element,
// or an assistive technology's default action.
bool button(const char* label, const ButtonOptions& options = {});

// A link: like a button, but for navigation. href may be empty for in-panel navigation.
bool link(const char* label, std::string_view href = {});

// Static text. Heading levels 1–6; paragraphs wrap to the available width, headings too unless
// given a narrower wrap width (a title beside a button).
void heading(std::string_view text, int level, float wrap_width = 0.0f);
void paragraph(std::string_view text);

enum class TextFieldKind : std::uint8_t {
    Text,
    Search,
    Email,     // an e-mail address: the phone shows its e-mail keyboard, the browser offers autofill
    Multiline, // several lines of text, wrapped
    Password,  // a password: drawn as dots, the browser's password manager may fill it
};

struct TextFieldOptions {
    TextFieldKind kind = TextFieldKind::Text;
    const char* placeholder = "";
    int lines = 4;               // Multiline: the visible height in lines
    std::uint32_t max_chars = 0; // the most characters the native element takes; 0: no limit
    bool invalid = false;        // drawn with the error colour, aria-invalid for assistive technology
    bool show_label = false;     // the label drawn above the box (a form's field), not only its name
    // Multiline only: Enter sends (sets *send on that frame) and Shift+Enter starts a new line, as in
    // a chat; the phone keyboard shows a Send key.
    bool* send = nullptr;
};

// A text field. While it holds DOM focus a native <input> (a <textarea> for Multiline) sits over it
// (typing, IME, paste and the phone keyboard are the browser's); its value arrives through the
// context. Draws `value` when not focused. Returns true on the frame the value changed.
bool text_field(const char* label, std::string& value, const TextFieldOptions& options = {});

// A polite live region: the text is shown (muted) and screen readers announce it when it changes
// ("3 articles found"). Draw it on every frame of a view, even empty, so the region exists before
// its first announcement.
void status_text(const char* id, std::string_view text);

// A polite live region that is not drawn: screen readers announce `text` when it changes (a chat
// message that is already on screen). Draw it on every frame of the view, even empty.
void announcement(const char* id, std::string_view text);

// A form's error ("Enter an e-mail address like name@example.com"): drawn in the error colour and
// announced like status_text. Draw it on every frame of the form, even empty.
void error_text(const char* id, std::string_view text);

// A bar showing how far along something is (fraction 0–1), named for assistive technology
// ("Guide progress"); the mirror gives it role progressbar with the percentage as its value.
void progress_bar(const char* label, float fraction);

// A row of a list the caller draws itself (columns of text in the row's rectangle, read with
// ImGui::GetItemRectMin/Max afterwards): inside begin_list(), a list item holding a full-width
// button named `accessible_name` for assistive technology (the row's content in reading order),
// shown as chosen when `chosen` (the item open beside the list: aria-pressed). Returns true once
// when activated.
bool row_button(const char* id, std::string_view accessible_name, bool chosen, float height);

// A list of items; list_item() is a static line inside it.
void begin_list(const char* label);
void list_item(std::string_view text);
void end_list();

} // namespace support::ui
