#pragma once
// Text with highlighted byte ranges — the words of a search result that matched the query — and
// the search result control built from it: a link-like list item with a title and a snippet.
//
// Highlights are drawn on the theme's highlight background; assistive technology gets the text
// as plain text (the mirror has no <mark>: a screen reader would announce every match and the
// result would be harder to listen to, not easier).

#include "shared/ui/text_layout.h"

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace support::ui {

struct TextRange {
    std::uint32_t begin = 0, end = 0; // bytes
};

// The text as runs, highlighted inside the ranges. Ranges are clamped to the text, widened to
// whole UTF-8 sequences (a range never splits a character), sorted and merged.
std::vector<TextRun> highlight_runs(std::string_view text, std::span<const TextRange> ranges,
                                    FontStyle style = FontStyle::Regular);

struct SearchResultText {
    std::string_view title;
    std::span<const TextRange> title_highlights;
    std::string_view snippet;
    std::span<const TextRange> snippet_highlights;
};

// One search result inside begin_list()/end_list(): a ListItem holding a Link named by the title
// and a Paragraph with the snippet. The whole item is the link's target: a pointer anywhere on
// it, Enter on the link, or an assistive technology's activation returns true once.
bool search_result(const char* id, const SearchResultText& result);

} // namespace support::ui
