#pragma once
// A help article's body (content::MarkdownDocument) drawn wrapped to the available width:
// paragraphs; bullet and numbered lists with a hanging indent; bold, italic and bold italic in
// their own faces (StyleFonts; regular until a face has loaded); inline code on a tinted
// background; and links, each a semantic Link node with its href, so the ARIA mirror renders a
// real focusable <a> inside its paragraph.
//
// Semantics: a block without links is one Paragraph (or ListItem) node named by its text. A block
// with links is a container of that role whose children are Text nodes and Link nodes in reading
// order. Consecutive list items of one kind form one List node.

#include "shared/core/content/markdown.h"

#include <optional>
#include <string>

namespace support::ui {

// Draws the document; `id` scopes the ids of its links ("article-body"). Returns the href of a
// link the shopper activated this frame (pointer, Enter, or an assistive technology), if any.
std::optional<std::string> rich_text(const char* id, const content::MarkdownDocument& document);

} // namespace support::ui
