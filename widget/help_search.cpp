#include "widget/help_search.h"

#include "shared/core/guide/guide_query_match.h"
#include "shared/core/search/page_match.h"
#include "shared/core/text/white_space.h"
#include "widget/help_content.h"

#include <algorithm>

namespace support::widget {

void HelpSearch::run(const HelpContent& content, std::string_view query, const search::PageContext& page) {
    m_results.clear();
    m_guide_results.clear();
    if (content.state() != ContentState::Ready || text::is_blank(query))
        return;
    // The best k_max_guide_results, in the site's order among equals.
    std::size_t scores[k_max_guide_results] = {};
    for (std::uint32_t i = 0; i < content.guides().size(); ++i) {
        std::size_t score = guide::guide_query_score(content.guides()[i], query);
        std::uint32_t guide = i;
        for (std::size_t slot = 0; slot < k_max_guide_results && score > 0; ++slot) {
            if (slot == m_guide_results.size()) {
                m_guide_results.push_back(guide);
                scores[slot] = score;
                break;
            }
            if (score > scores[slot]) {
                std::swap(score, scores[slot]);
                std::swap(guide, m_guide_results[slot]);
            }
        }
    }
    const search::SearchIndex& index = content.index();
    for (const search::SearchHit& hit : index.search(query, page, k_max_results)) {
        ShownResult shown;
        shown.article = hit.article;
        const std::string& body = index.article(hit.article).body_text;
        const std::uint32_t begin =
            std::min<std::uint32_t>(hit.snippet.begin, static_cast<std::uint32_t>(body.size()));
        const std::uint32_t end =
            std::clamp<std::uint32_t>(hit.snippet.end, begin, static_cast<std::uint32_t>(body.size()));
        shown.snippet = body.substr(begin, end - begin);
        std::replace(shown.snippet.begin(), shown.snippet.end(), '\n', ' '); // same length: ranges hold
        for (const search::ByteRange& range : hit.title_highlights)
            shown.title_highlights.push_back(ui::TextRange{range.begin, range.end});
        for (const search::ByteRange& range : hit.snippet_highlights)
            if (range.begin >= begin && range.end <= end)
                shown.snippet_highlights.push_back(ui::TextRange{range.begin - begin, range.end - begin});
        m_results.push_back(std::move(shown));
    }
}

void HelpSearch::suggest(const HelpContent& content, const search::PageContext& page) {
    m_suggestions.clear();
    m_guides.clear();
    m_guides_for_page = 0;
    if (content.state() != ContentState::Ready)
        return;
    const auto& guides = content.guides();
    std::vector<std::uint32_t> elsewhere;
    for (std::uint32_t i = 0; i < guides.size(); ++i) {
        const auto& pages = guides[i].pages;
        const bool here = std::any_of(pages.begin(), pages.end(), [&](const std::string& pattern) {
            return search::page_pattern_matches(pattern, page.path);
        });
        (here ? m_guides : elsewhere).push_back(i);
    }
    m_guides_for_page = m_guides.size();
    m_guides.insert(m_guides.end(), elsewhere.begin(), elsewhere.end());

    m_suggestions = content.index().suggestions_for(page, k_max_suggestions);
    m_suggestions_fit_page = !m_suggestions.empty();
    if (m_suggestions.empty())
        for (std::uint32_t i = 0; i < content.size() && m_suggestions.size() < k_max_suggestions; ++i)
            m_suggestions.push_back(i);
}

} // namespace support::widget
