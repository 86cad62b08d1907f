#include "widget/views/chat_view.h"

#include "shared/ui/controls.h"
#include "shared/ui/ui_context.h"
#include "widget/help_content.h"
#include "widget/views/masked_notice.h"
#include "widget/widget_words.h"

#include <imgui.h>

namespace support::widget {

namespace {

using chat::Author;
using chat::ChatMessage;
using chat::ConversationState;
using chat::DeliveryStatus;

std::string author_of(const ChatMessage& message) {
    switch (message.author) {
    case Author::Shopper:
        return tr("You");
    case Author::Bot:
        return tr("Assistant");
    case Author::Agent:
        return message.author_label.empty() ? std::string(tr("Support team")) : message.author_label;
    case Author::System:
        return tr("Support team");
    }
    return "";
}

void muted(std::string_view text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ui::paragraph(text);
    ImGui::PopStyleColor();
}

// One message: who wrote it, what they wrote, and for the shopper's own whether it is on its way.
ViewAction draw_message(const ChatMessage& message, bool newest_answer, const ChatSession& session,
                        ChatDraft& draft, const HelpContent& content) {
    ViewAction action;
    ImGui::PushID(message.client_id.c_str());
    ImGui::Spacing();
    muted(author_of(message));
    ui::paragraph(message.text);
    if (message.status == DeliveryStatus::Pending) {
        muted(tr("Sending…"));
    } else if (message.status == DeliveryStatus::Failed) {
        ui::error_text("failed", tr("Not sent."));
        if (ui::button(tr("Retry"), {.style = ui::ButtonStyle::Secondary}))
            action = ViewAction{ViewAction::Kind::RetryChatMessage, 0, message.client_id, {}};
    }
    const auto article = message.article_id.empty() ? std::nullopt : content.find(message.article_id);
    if (article && ui::button(tr("Open article"), {.style = ui::ButtonStyle::Secondary}))
        action = ViewAction{ViewAction::Kind::OpenArticle, *article, {}, {}};
    if (newest_answer && session.conversation().state() == ConversationState::Bot) {
        if (draft.answered == message.seq) {
            ui::paragraph(tr("Glad it helped. Ask anything else here."));
        } else {
            ui::paragraph(tr("Did that answer your question?"));
            if (ui::button(tr("Yes"), {.style = ui::ButtonStyle::Secondary}))
                action = ViewAction{ViewAction::Kind::ChatAnswerHelped, article.value_or(0), {}, {}};
            ImGui::SameLine();
            if (ui::button(tr("No"), {.style = ui::ButtonStyle::Secondary}))
                action.kind = ViewAction::Kind::ChatAnswerDidNotHelp;
            if (action.kind == ViewAction::Kind::ChatAnswerHelped)
                draft.answered = message.seq;
        }
    }
    ImGui::PopID();
    return action;
}

// After a close: how was it, 1 to 5 and a comment, once.
ViewAction draw_rating(const ChatSession& session, ChatDraft& draft) {
    ViewAction action;
    if (session.conversation().csat()) {
        ui::status_text("csat-status", tr("Thanks for rating this chat."));
        return action;
    }
    ui::paragraph(tr("How was your chat?"));
    for (int score = 1; score <= 5; ++score) {
        const std::string visible =
            format_number(static_cast<std::uint64_t>(score)) + "##score" + std::to_string(score);
        const std::string name =
            tr("{score} of 5", {{"score", format_number(static_cast<std::uint64_t>(score))}});
        if (score > 1)
            ImGui::SameLine();
        if (ui::button(visible.c_str(), {.style = ui::ButtonStyle::Secondary,
                                         .accessible_name = name.c_str(),
                                         .width = 44,
                                         .pressed = draft.score == score})) {
            draft.score = score;
            draft.score_missing = false;
        }
    }
    ui::text_field(tr("Anything to add? (optional)"), draft.csat_comment,
                   {.max_chars = static_cast<std::uint32_t>(chat::k_max_csat_comment_bytes)});
    ui::error_text("csat-error", draft.score_missing ? tr("Choose a rating from 1 to 5.") : "");
    if (ui::button(tr("Send rating")))
        action.kind = ViewAction::Kind::RateChat;
    ui::status_text("csat-status", "");
    return action;
}

// What happens next, in plain words: who is answering, or what the shopper may do meanwhile.
ViewAction draw_next_step(const ChatSession& session, ChatDraft& draft) {
    ViewAction action;
    const chat::Conversation& chat = session.conversation();
    switch (chat.state()) {
    case ConversationState::Bot:
        if (session.started() && ui::link(tr("Talk to a person")))
            action.kind = ViewAction::Kind::TalkToPerson;
        if (session.handoff_pending())
            muted(tr("Asking our team…"));
        break;
    case ConversationState::Waiting: {
        const bool online = chat.handoff() && chat.handoff()->staff_online;
        if (online) {
            ui::paragraph(tr("Someone from our team will answer here shortly."));
            break;
        }
        ui::paragraph(
            tr("Nobody from our team is online right now. Leave your email and we will reply there."));
        if (!session.reply_email().empty()) {
            ui::paragraph(tr("We will reply to {email}.", {{"email", session.reply_email()}}));
            break;
        }
        if (ui::text_field(tr("Email for a reply (optional)"), draft.email,
                           {.kind = ui::TextFieldKind::Email,
                            .placeholder = "name@example.com",
                            .max_chars = 254,
                            .invalid = draft.email_invalid,
                            .show_label = true}))
            draft.email_invalid = false;
        ui::error_text("email-error",
                       draft.email_invalid
                           ? tr("Enter an email address like name@example.com, or leave it empty.")
                           : "");
        if (ui::button(tr("Save email"), {.style = ui::ButtonStyle::Secondary}))
            action.kind = ViewAction::Kind::LeaveReplyEmail;
        break;
    }
    case ConversationState::Agent:
        ui::paragraph(tr("You are chatting with {name} from our team.", {{"name", chat.agent_label()}}));
        break;
    case ConversationState::Closed:
        ui::paragraph(tr("This chat has ended."));
        action = draw_rating(session, draft);
        if (ui::button(tr("Start a new chat"), {.style = ui::ButtonStyle::Secondary}))
            action.kind = ViewAction::Kind::StartNewChat;
        break;
    }
    return action;
}

} // namespace

ViewAction draw_chat_view(const ChatSession& session, ChatDraft& draft, const HelpContent& content) {
    ViewAction action;
    const chat::Conversation& chat = session.conversation();
    ui::heading(tr("Chat with us"), 2);
    if (chat.messages().empty())
        ui::paragraph(
            tr("Ask anything: our assistant answers from the help articles, and our team takes over."));

    // The newest bot answer asks whether it helped; only while the bot still has the conversation.
    std::uint64_t newest_answer = 0;
    for (const ChatMessage& message : chat.messages())
        if (message.author == Author::Bot && !message.article_id.empty())
            newest_answer = message.seq;
    if (!chat.messages().empty() && chat.messages().back().seq != newest_answer)
        newest_answer = 0; // the shopper wrote since: the question is past

    for (const ChatMessage& message : chat.messages()) {
        ViewAction done =
            draw_message(message, message.seq != 0 && message.seq == newest_answer, session, draft, content);
        if (done.kind != ViewAction::Kind::None)
            action = done;
    }

    const ChatMessage* newest = session.newest_incoming();
    ui::announcement("chat-news", newest ? author_of(*newest) + ": " + newest->text : std::string());
    const std::string typist = session.typist();
    ui::status_text("chat-typing",
                    typist.empty() ? std::string() : tr("{name} is typing…", {{"name", typist}}));
    ui::status_text("chat-link", session.link() == ChatLink::Interrupted
                                     ? tr("Reconnecting… Your messages are sent when the connection is back.")
                                     : "");

    if (ViewAction next = draw_next_step(session, draft); next.kind != ViewAction::Kind::None)
        action = next;

    if (chat.state() != ConversationState::Closed) {
        ImGui::Spacing();
        if (draft.focus_box) {
            ui::current_context().focus_next_control();
            draft.focus_box = false;
        }
        bool enter = false;
        if (ui::text_field(tr("Message"), draft.text,
                           {.kind = ui::TextFieldKind::Multiline,
                            .placeholder = tr("Type your message"),
                            .lines = 3,
                            .max_chars = chat::k_max_message_bytes,
                            .send = &enter})) {
            draft.error.clear();
            action.kind = ViewAction::Kind::ChatTyping;
        }
        ui::error_text("chat-error", draft.error);
        ui::status_text("chat-masked", draft.masked ? masked_secrets_notice() : std::string_view());
        if (ui::button(tr("Send")) || enter)
            action.kind = ViewAction::Kind::SendChat;
    }
    // A new message (or a changed next step) brings the end of the conversation and the box into view,
    // as in any chat.
    if (chat.messages().size() != draft.shown_messages || chat.state() != draft.shown_state) {
        draft.shown_messages = chat.messages().size();
        draft.shown_state = chat.state();
        ImGui::SetScrollHereY(1.0f);
    }
    ImGui::Spacing();
    if (ui::link(tr("Other ways to contact us")))
        action.kind = ViewAction::Kind::ShowContactDetails;
    return action;
}

} // namespace support::widget
