#include "shared/ui/semantic_tree.h"

#include <nlohmann/json.hpp>

namespace support::ui {

namespace {

const char* action_name(Action action) {
    switch (action) {
    case Action::None:
        return "none";
    case Action::Activate:
        return "activate";
    case Action::EditText:
        return "edit";
    }
    return "none";
}

nlohmann::json node_to_json(const SemanticNode& node) {
    nlohmann::json out = {
        {"id", node.id},
        {"role", role_name(node.role)},
        {"action", action_name(node.action)},
        {"name", node.name},
        {"rect", {node.rect.x, node.rect.y, node.rect.w, node.rect.h}},
    };
    if (node.parent != 0)
        out["parent"] = node.parent;
    if (node.role == Role::ProgressBar)
        out["value"] = node.value;
    if (node.action == Action::EditText) {
        out["value"] = node.value;
        out["placeholder"] = node.placeholder;
        if (node.input == TextInput::Email)
            out["input"] = "email";
        else if (node.input == TextInput::Multiline)
            out["input"] = "multiline";
        else if (node.input == TextInput::Message)
            out["input"] = "message";
        else if (node.input == TextInput::Password)
            out["input"] = "password";
        if (node.max_chars != 0)
            out["maxLength"] = node.max_chars;
    }
    if (!node.href.empty())
        out["href"] = node.href;
    if (node.level != 0)
        out["level"] = node.level;
    if (node.state != NodeState_None)
        out["state"] = node.state;
    return out;
}

} // namespace

void SemanticTree::begin_frame() {
    m_previous.swap(m_nodes);
    m_nodes.clear();
    m_ids.clear();
}

void SemanticTree::add(SemanticNode node) {
    m_ids.insert(node.id);
    m_nodes.push_back(std::move(node));
}

bool SemanticTree::end_frame() {
    return m_nodes != m_previous;
}

const SemanticNode* SemanticTree::find(NodeId id) const {
    for (const auto& node : m_nodes)
        if (node.id == id)
            return &node;
    return nullptr;
}

const SemanticNode* SemanticTree::find_by_role(Role role, const std::string& name) const {
    for (const auto& node : m_nodes)
        if (node.role == role && node.name == name)
            return &node;
    return nullptr;
}

std::string SemanticTree::to_json() const {
    nlohmann::json nodes = nlohmann::json::array();
    for (const auto& node : m_nodes)
        nodes.push_back(node_to_json(node));
    nlohmann::json doc = {{"nodes", std::move(nodes)}};
    return doc.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace support::ui
