#pragma once
// One help article: its title, its body drawn from the Markdown subset, and "Was this helpful?"
// with Yes / No. The recorded answer shows as the pressed button and a thank-you; after No the
// view asks what the shopper was looking for (optional, sent with Send) and offers chat.

#include "shared/core/content/article.h"
#include "shared/core/content/markdown.h"
#include "widget/views/view_action.h"

#include <string>

namespace support::widget {

// The comment after "No", owned by the app: what the shopper typed, and whether it was sent.
struct HelpfulComment {
    std::string text;
    bool sent = false;
    bool masked = false; // a card number, IBAN or password was taken out before sending: the shopper is told
};

ViewAction draw_article_view(std::uint32_t index, const content::Article& article,
                             const content::MarkdownDocument& body, HelpfulAnswer answer,
                             HelpfulComment& comment);

} // namespace support::widget
