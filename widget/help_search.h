#pragma once
// The home view's search, run synchronously on every change of the query (so results update in
// the frame the keystroke arrives), and the articles suggested for the page before typing.

#include "shared/core/search/search_index.h"
#include "shared/ui/highlighted_text.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support::widget {

class HelpContent;

// A hit as the results list draws it: the snippet as its own string (line breaks shown as
// spaces) and highlight ranges relative to the title and to that snippet.
struct ShownResult {
    std::uint32_t article = 0;
    std::string snippet;
    std::vector<ui::TextRange> title_highlights;
    std::vector<ui::TextRange> snippet_highlights;
};

class HelpSearch {
  public:
    static constexpr std::size_t k_max_results = 10;
    static constexpr std::size_t k_max_suggestions = 5;
    static constexpr std::size_t k_max_guide_results = 2;

    // Searches `query` (blank: no results). Call when the query, the page or the content changes.
    void run(const HelpContent& content, std::string_view query, const search::PageContext& page);
    // Suggestions for the page; the first articles when none is tied to it. Also orders the
    // site's guides: those whose start pages match this page first, then the rest as written.
    void suggest(const HelpContent& content, const search::PageContext& page);

    const std::vector<ShownResult>& results() const { return m_results; }
    const std::vector<std::uint32_t>& suggestions() const { return m_suggestions; }
    bool suggestions_fit_page() const { return m_suggestions_fit_page; }
    // Guides the current query names (guide_query_match.h), best first: indices into
    // HelpContent::guides().
    const std::vector<std::uint32_t>& guide_results() const { return m_guide_results; }
    // Indices into HelpContent::guides(); the first guides_for_page() of them match the page.
    const std::vector<std::uint32_t>& guides() const { return m_guides; }
    std::size_t guides_for_page() const { return m_guides_for_page; }

  private:
    std::vector<ShownResult> m_results;
    std::vector<std::uint32_t> m_suggestions;
    bool m_suggestions_fit_page = false;
    std::vector<std::uint32_t> m_guides;
    std::size_t m_guides_for_page = 0;
    std::vector<std::uint32_t> m_guide_results;
};

} // namespace support::widget
