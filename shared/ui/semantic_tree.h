#pragma once
// The semantic nodes of one frame, in document order, and whether they differ from the previous
// frame's (so the web layer touches the DOM only when something a user could notice changed).

#include "shared/ui/semantic_node.h"

#include <string>
#include <unordered_set>
#include <vector>

namespace support::ui {

class SemanticTree {
  public:
    // Starts a new frame: the nodes of the frame before become the comparison baseline.
    void begin_frame();
    void add(SemanticNode node);

    // Ends the frame; true when the nodes differ from the previous frame's.
    bool end_frame();

    const std::vector<SemanticNode>& nodes() const { return m_nodes; }
    SemanticNode& at(std::size_t index) { return m_nodes.at(index); }
    const SemanticNode* find(NodeId id) const;
    bool contains(NodeId id) const { return m_ids.count(id) != 0; } // constant time, for id allocation
    // The first node with this role and accessible name, as assistive technology would find it.
    const SemanticNode* find_by_role(Role role, const std::string& name) const;

    // {"nodes":[{"id":…,"parent":…,"role":"button","action":"activate","name":…,…,"rect":[x,y,w,h]}]}
    // Strings are always valid JSON (invalid UTF-8 is replaced).
    std::string to_json() const;

  private:
    std::vector<SemanticNode> m_nodes;
    std::vector<SemanticNode> m_previous;
    std::unordered_set<NodeId> m_ids; // the ids of m_nodes
};

} // namespace support::ui
