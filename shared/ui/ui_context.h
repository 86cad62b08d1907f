#pragma once
// What shared/ui knows beyond Dear ImGui: the semantic nodes of the frame, and the inputs that
// reach controls from the page's DOM rather than from the pointer — an activation from the ARIA
// mirror (keyboard, screen reader), a value typed into a native text input, and which control
// holds DOM focus. The platform layer (shared/web, or a test) feeds these in between frames;
// controls consume them while drawing.
//
// Like Dear ImGui, controls use a current context: set it once with set_current_context().

#include "shared/ui/font_styles.h"
#include "shared/ui/script_fonts.h"
#include "shared/ui/semantic_tree.h"
#include "shared/ui/touch_scrolling.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace support::ui {

enum class FocusVisibility : std::uint8_t {
    Hidden,  // focus came from a pointer: no ring (like CSS :focus-visible)
    Visible, // focus came from the keyboard or assistive technology: draw the ring
};

// A line of text as drawn in the last frame, for tests that compare it with the browser's own
// rendering of the same words (tests/browser/rtl.test.mjs, through the debug state).
struct DrawnTextLine {
    std::string text; // the line's words in logical (reading) order
    Rect rect;        // where it was drawn, CSS pixels of the canvas
    Rect clip;        // the visible part of its window
    float font_size = 0;
    bool right_to_left = false; // the paragraph's direction
    bool plain = true;          // one regular face, no inline code: drawn as a browser would draw the words
};

// A focus ring as drawn in the last frame: tests check it sits on the control holding DOM focus.
struct DrawnFocusRing {
    NodeId id = 0;
    Rect rect; // the ring's outer edge, CSS pixels of the canvas
};

class UiContext {
  public:
    // Between frames, from the platform.
    void activate(NodeId id);                     // queued until the control is drawn next
    void set_text(NodeId id, std::string value);  // a native input's new value
    void set_focus(NodeId id, FocusVisibility v); // id 0: focus left the panel

    // Asks the platform to move DOM focus to the next focusable control drawn.
    void focus_next_control() { m_focus_next = true; }
    // After a frame, for the platform: the control to focus, or 0.
    NodeId take_focus_request();

    // Frame bracket, called by the app around its drawing. end_frame() is true when the semantic
    // nodes changed since the previous frame.
    void begin_frame();
    bool end_frame();

    // For controls.
    bool take_activation(NodeId id);
    std::optional<std::string> take_text(NodeId id);
    // What a text field's native element was last told or last reported; a field whose value the
    // app changed since (a sent chat message clearing its box) has the mirror replace the element's
    // value even while it has focus.
    bool app_changed_value(NodeId id, const std::string& value);
    NodeId focused() const { return m_focused; }
    bool focus_ring_visible(NodeId id) const {
        return id != 0 && id == m_focused && m_focus_visibility == FocusVisibility::Visible;
    }
    // Emits a node; a focusable node may claim a pending focus request, and one that just received
    // DOM focus outside the visible part of its window scrolls it into view. Returns its index.
    std::size_t emit(SemanticNode node);
    NodeId unique_static_id(NodeId wanted) const; // for content without an ImGui id
    // Containers (lists): nodes emitted between open and close get the container as parent.
    struct OpenContainer {
        std::size_t node_index; // the container's node, whose rectangle is known only at close
        float x, y;             // where its content started
    };
    NodeId current_parent() const {
        return m_containers.empty() ? 0 : m_tree.nodes()[m_containers.back().node_index].id;
    }
    void open_container(OpenContainer container) { m_containers.push_back(container); }
    OpenContainer close_container();

    SemanticTree& tree() { return m_tree; }
    const SemanticTree& tree() const { return m_tree; }

    // The bold, italic and bold-italic faces rich text draws with, as the platform loads them.
    StyleFonts& style_fonts() { return m_style_fonts; }
    // What each frame drew — its lines of text and focus rings — kept until the next frame begins,
    // for the debug state. Off until asked for (the first debug request): drawing does not pay for it.
    void set_recording(bool on) { m_recording = on; }
    bool recording() const { return m_recording; }
    void record_text_line(DrawnTextLine line) {
        if (m_recording)
            m_text_lines.push_back(std::move(line));
    }
    void record_focus_ring(DrawnFocusRing ring) {
        if (m_recording)
            m_focus_rings.push_back(ring);
    }
    const std::vector<DrawnTextLine>& text_lines() const { return m_text_lines; }
    const std::vector<DrawnFocusRing>& focus_rings() const { return m_focus_rings; }

    // The UI's direction (from its locale): paragraphs without a strong letter follow it, and
    // layouts mirror.
    void set_right_to_left(bool rtl) { m_right_to_left = rtl; }
    bool right_to_left() const { return m_right_to_left; }

    // The Hebrew and Arabic faces, fetched when text in their script is first drawn.
    ScriptFonts& script_fonts() { return m_script_fonts; }

    // A programming error draw_panel_frame() found: what the app's drawing left pushed ("PushID
    // without PopID"), kept until the platform takes it (a test fails, the browser logs an error).
    void report_unbalanced_stack(const char* what) { m_unbalanced_stack = what; }
    const char* take_unbalanced_stack() { return std::exchange(m_unbalanced_stack, nullptr); }

    // Touch drag-to-scroll: the platform feeds touch events in, draw_panel_frame() applies them.
    TouchScrolling& touch_scrolling() { return m_touch_scrolling; }
    // The time of the frame being drawn (ms, the platform's clock: the one its events carry).
    void set_frame_time(double ms) { m_frame_time_ms = ms; }
    double frame_time() const { return m_frame_time_ms; }

  private:
    SemanticTree m_tree;
    StyleFonts m_style_fonts;
    ScriptFonts m_script_fonts;
    TouchScrolling m_touch_scrolling;
    double m_frame_time_ms = 0;
    const char* m_unbalanced_stack = nullptr;
    bool m_recording = false;
    std::vector<DrawnTextLine> m_text_lines;
    std::vector<DrawnFocusRing> m_focus_rings;
    bool m_right_to_left = false;
    std::vector<NodeId> m_activations;
    std::unordered_map<NodeId, std::string> m_texts;
    std::unordered_map<NodeId, std::string> m_field_values; // as the native element has it
    std::vector<OpenContainer> m_containers;
    NodeId m_focused = 0;
    NodeId m_focus_arrived = 0; // focused since its last draw: scrolled into view when drawn
    FocusVisibility m_focus_visibility = FocusVisibility::Hidden;
    bool m_focus_next = false;
    NodeId m_focus_request = 0;
};

void set_current_context(UiContext* context);
UiContext& current_context(); // asserts that one was set

} // namespace support::ui
