#pragma once
// Where the shopper is inside the panel: Home at the bottom, then the views opened from it
// (an article, the contact view, the guide being followed). Back pops one; typing a new search returns to
// Home.

#include <cstdint>
#include <string_view>
#include <vector>

namespace support::widget {

enum class ViewKind : std::uint8_t { Home, Article, Contact, Guide, ReportProblem, Chat };

struct ViewEntry {
    ViewKind kind = ViewKind::Home;
    std::uint32_t article = 0; // Article: which one (an index into the loaded articles)
    bool operator==(const ViewEntry&) const = default;
};

// For debug state and tests: "home", "article", "contact", "guide", "report", "chat".
const char* view_name(ViewKind kind);
// The kind a name above names; false for any other text.
bool parse_view_name(std::string_view name, ViewKind& out);

class ViewStack {
  public:
    const ViewEntry& top() const { return m_entries.back(); }
    std::size_t depth() const { return m_entries.size(); }
    bool can_go_back() const { return m_entries.size() > 1; }
    const std::vector<ViewEntry>& entries() const { return m_entries; }
    // Changes with every push, pop or return Home that changed the stack (the session writes it then).
    std::uint32_t revision() const { return m_revision; }

    void push(ViewEntry entry);
    void pop();     // never below Home
    void to_home(); // everything above Home closes

  private:
    std::vector<ViewEntry> m_entries{ViewEntry{}};
    std::uint32_t m_revision = 0;
};

} // namespace support::widget
