#pragma once
// One help article: its title, its body drawn from the Markdown subset, and "Was this helpful?"
// with Yes / No. The recorded answer shows as the pressed button and a thank-you; after No the
// view offers chat.

#include "shared/core/content/article.h"
#include "shared/core/content/markdown.h"
#include "widget/views/view_action.h"

namespace support::widget {

ViewAction draw_article_view(std::uint32_t index, const content::Article& article,
                             const content::MarkdownDocument& body, HelpfulAnswer answer);

} // namespace support::widget
