#pragma once
// What a view asks the app to do after the shopper acted in it. Views draw and report; the app
// navigates, stores and opens links, so views stay free of state they do not own.

#include "shared/core/feedback/helpful_answers.h"
#include "shared/core/guide/guide_runner.h"

#include <cstdint>
#include <string>

namespace support::widget {

using feedback::HelpfulAnswer;

struct ViewAction {
    enum class Kind : std::uint8_t {
        None,
        OpenArticle,          // article
        OfferChat,            // "Chat with us"
        OpenLink,             // href, from an article's body
        AnswerHelpful,        // article, answer
        SendHelpfulComment,   // article: send the "No" with the comment typed after it
        RetryContent,         // the content request failed; try again
        OpenGuide,            // guide: start it (or show the one running)
        GuideStep,            // guide_event: a button of the guide view (Next, Back, an answer, Exit…)
        ShowGuideOnPage,      // close the panel so the shopper sees the highlighted step
        ReportProblem,        // open "Report a problem with this page"
        SendProblemReport,    // check the form and send it
        FinishProblemReport,  // the confirmation's "Back to help"
        SendChat,             // the message box's text goes
        ChatTyping,           // the shopper typed in the message box
        RetryChatMessage,     // href: the client id of the message that was not sent
        ChatAnswerHelped,     // article: "Yes" to the bot's "Did that answer your question?"
        ChatAnswerDidNotHelp, // "No" to it: a person takes over
        TalkToPerson,         // "Talk to a person"
        LeaveReplyEmail,      // the address typed for a reply when nobody is online
        StartNewChat,         // after a closed chat
        RateChat,             // the rating chosen after a close goes (with its comment)
        ShowContactDetails,   // "Other ways to contact us"
    };
    Kind kind = Kind::None;
    std::uint32_t article = 0;
    std::string href;
    HelpfulAnswer answer = HelpfulAnswer::None;
    std::uint32_t guide = 0; // OpenGuide: an index into HelpContent::guides()
    guide::GuideEventKind guide_event = guide::GuideEventKind::Next;
    std::size_t choice = 0; // GuideStep with Choose
};

} // namespace support::widget
