#include "shared/ui/ui_context.h"

#include <imgui.h>

#include <algorithm>
#include <cassert>
#include <utility>

namespace support::ui {

namespace {

UiContext* g_current = nullptr;

// Scrolls the current window so that `rect` (screen coordinates) is inside it, with a margin; the
// new scroll position applies from the next frame.
void scroll_into_view(const Rect& rect) {
    constexpr float k_margin = 8.0f;
    const float top = ImGui::GetWindowPos().y;
    const float bottom = top + ImGui::GetWindowHeight();
    if (rect.y < top)
        ImGui::SetScrollY(std::max(0.0f, ImGui::GetScrollY() - (top - rect.y) - k_margin));
    else if (rect.y + rect.h > bottom)
        ImGui::SetScrollY(ImGui::GetScrollY() + (rect.y + rect.h - bottom) + k_margin);
}

} // namespace

void set_current_context(UiContext* context) {
    g_current = context;
}

UiContext& current_context() {
    assert(g_current && "ui::set_current_context() was not called");
    return *g_current;
}

void UiContext::activate(NodeId id) {
    m_activations.push_back(id);
}

void UiContext::set_text(NodeId id, std::string value) {
    m_texts[id] = std::move(value);
}

void UiContext::set_focus(NodeId id, FocusVisibility v) {
    if (id != m_focused)
        m_focus_arrived = id;
    m_focused = id;
    m_focus_visibility = v;
}

NodeId UiContext::take_focus_request() {
    return std::exchange(m_focus_request, 0);
}

void UiContext::begin_frame() {
    m_tree.begin_frame();
    m_text_lines.clear();
    m_focus_rings.clear();
    m_containers.clear();
}

bool UiContext::end_frame() {
    // Activations and texts aimed at controls this frame did not draw are dropped: the control is gone.
    m_activations.clear();
    m_texts.clear();
    assert(m_containers.empty() && "begin_list() without end_list()");
    return m_tree.end_frame();
}

bool UiContext::take_activation(NodeId id) {
    auto it = std::find(m_activations.begin(), m_activations.end(), id);
    if (it == m_activations.end())
        return false;
    m_activations.erase(it);
    return true;
}

std::optional<std::string> UiContext::take_text(NodeId id) {
    auto it = m_texts.find(id);
    if (it == m_texts.end())
        return std::nullopt;
    std::string value = std::move(it->second);
    m_texts.erase(it);
    m_field_values[id] = value;
    return value;
}

bool UiContext::app_changed_value(NodeId id, const std::string& value) {
    const auto [it, first] = m_field_values.try_emplace(id, value);
    if (first || it->second == value)
        return false;
    it->second = value;
    return true;
}

std::size_t UiContext::emit(SemanticNode node) {
    // Every node of a frame has its own id: the platform keeps one element per id, and two nodes
    // sharing one would replace each other (losing DOM focus) in every frame. A control whose id
    // collides keeps a deterministic substitute.
    if (node.id != 0 && m_tree.contains(node.id))
        node.id = unique_static_id(node.id);
    if (m_focus_next && node.action != Action::None && !node.has_state(NodeState_Disabled)) {
        m_focus_next = false;
        m_focus_request = node.id;
    }
    if (node.parent == 0)
        node.parent = current_parent();
    if (node.id == m_focused)
        node.state |= NodeState_Focused;
    if (node.id == m_focus_arrived && node.id != 0) {
        m_focus_arrived = 0;
        scroll_into_view(node.rect);
    }
    m_tree.add(std::move(node));
    return m_tree.nodes().size() - 1;
}

UiContext::OpenContainer UiContext::close_container() {
    assert(!m_containers.empty() && "end_list() without begin_list()");
    OpenContainer top = m_containers.back();
    m_containers.pop_back();
    return top;
}

NodeId UiContext::unique_static_id(NodeId wanted) const {
    // Two identical paragraphs in one window hash alike; step to the next free id, deterministically.
    NodeId id = wanted == 0 ? 1 : wanted;
    while (m_tree.contains(id))
        id = id * 2654435761u + 1;
    return id;
}

} // namespace support::ui
