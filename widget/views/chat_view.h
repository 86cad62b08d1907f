#pragma once
// The chat: the transcript (the shopper's messages with "Sending…" or "Not sent" and Retry; the
// bot's answers with "Open article" and, under the newest, "Did that answer your question?"), who
// answers and what happens next (someone will answer shortly, or leave an email), the agent
// typing, and the message box (Enter sends, Shift+Enter starts a new line). New messages from the
// bot or a person are announced to screen readers. The draft is the app's, so it survives Back.

#include "widget/chat_session.h"
#include "widget/views/view_action.h"

#include <string>

namespace support::widget {

class HelpContent;

struct ChatDraft {
    std::string text;
    std::string error; // why the last Send was refused, until the text changes
    bool masked =
        false; // the last message sent had a card number, IBAN or password removed (said until the next)
    std::string email;
    bool email_invalid = false;
    bool focus_box = false;     // give the message box focus on the next frame
    std::uint64_t answered = 0; // the bot answer (its seq) the shopper said "Yes" to
    // What the last frame showed: a new message or a new state scrolls the view to the end.
    std::size_t shown_messages = 0;
    chat::ConversationState shown_state = chat::ConversationState::Bot;
    int score = 0; // the rating chosen after a close, 1–5; 0 none yet
    std::string csat_comment;
    bool score_missing = false; // "Send rating" without a rating
};

ViewAction draw_chat_view(const ChatSession& session, ChatDraft& draft, const HelpContent& content);

} // namespace support::widget
