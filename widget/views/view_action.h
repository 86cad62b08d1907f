#pragma once
// What a view asks the app to do after the shopper acted in it. Views draw and report; the app
// navigates, stores and opens links, so views stay free of state they do not own.

#include "widget/helpful_answers.h"

#include <cstdint>
#include <string>

namespace support::widget {

struct ViewAction {
    enum class Kind : std::uint8_t {
        None,
        OpenArticle,   // article
        OfferChat,     // "Chat with us"
        OpenLink,      // href, from an article's body
        AnswerHelpful, // article, answer
        RetryContent,  // the content request failed; try again
    };
    Kind kind = Kind::None;
    std::uint32_t article = 0;
    std::string href;
    HelpfulAnswer answer = HelpfulAnswer::None;
};

} // namespace support::widget
