#include "console/views/inbox_view.h"

#include "console/views/context_facts_pane.h"
#include "shared/ui/controls.h"
#include "shared/ui/plain_text.h"

#include <imgui.h>

namespace support::console {

namespace {

constexpr float k_wide_layout = 820.0f;

std::string author_of(const chat::ChatMessage& message) {
    switch (message.author) {
    case chat::Author::Shopper:
        return "Shopper";
    case chat::Author::Bot:
        return "Bot";
    case chat::Author::Agent:
        return message.author_label.empty() ? "Agent" : message.author_label;
    case chat::Author::System:
        return "System";
    }
    return "";
}

std::string row_name(const InboxChat& chat, std::int64_t now_ms) {
    std::string name = describe_chat(chat, now_ms);
    if (!chat.page_url.empty())
        name += ", on " + chat.page_url;
    if (!chat.locale.empty())
        name += ", language " + chat.locale;
    return name;
}

InboxViewResult draw_list(const ChatInbox& inbox, std::int64_t now_ms) {
    InboxViewResult result;
    const std::size_t waiting = inbox.waiting();
    ui::status_text("inbox-count", waiting == 0 ? "No chat is waiting for a person."
                                   : waiting == 1
                                       ? "1 chat is waiting for a person."
                                       : std::to_string(waiting) + " chats are waiting for a person.");
    if (!inbox.error().empty())
        ui::error_text("inbox-error", inbox.error());
    else
        ui::error_text("inbox-error", "");
    const float row_height = ImGui::GetTextLineHeight() * 2 + ImGui::GetStyle().FramePadding.y * 2 + 6.0f;
    const std::string chosen = inbox.open_chat() ? inbox.open_chat()->id : "";
    ui::begin_list("Chats");
    for (const InboxChat& chat : inbox.items()) {
        ImGui::PushID(chat.id.c_str());
        if (ui::row_button("##chat", row_name(chat, now_ms), chat.id == chosen, row_height)) {
            result.action = InboxViewAction::Open;
            result.chat = chat;
        }
        ImDrawList* draw = ImGui::GetWindowDrawList();
        const ImVec2 min = ImGui::GetItemRectMin();
        const ImGuiStyle& style = ImGui::GetStyle();
        const ImU32 ink = ImGui::GetColorU32(ImGuiCol_Text);
        const ImU32 muted = ImGui::GetColorU32(ImGuiCol_TextDisabled);
        draw->AddText(ImVec2(min.x + 12, min.y + style.FramePadding.y), ink,
                      describe_chat(chat, now_ms).c_str());
        const std::string second =
            (chat.page_url.empty() ? std::string("(no page)") : chat.page_url) + " · " + chat.locale;
        draw->AddText(ImVec2(min.x + 12, min.y + style.FramePadding.y + ImGui::GetTextLineHeight() + 4),
                      muted, second.c_str());
        ImGui::PopID();
    }
    ui::end_list();
    return result;
}

void draw_context(const InboxChat& chat, const chat::Conversation& transcript) {
    draw_fact("Page",
              chat.page_url + (chat.context.page_title.empty() ? "" : " (" + chat.context.page_title + ")"));
    draw_fact("Language", chat.locale);
    draw_context_facts(chat.context);
    draw_fact("Site", chat.site);
    if (!chat.reply_email.empty()) {
        ui::text_item("Reply to:", FLT_MAX);
        ImGui::SameLine();
        ui::link(chat.reply_email.c_str(), "mailto:" + chat.reply_email);
    }
    if (!chat.journey.empty()) {
        ui::begin_list("What the shopper tried");
        for (const std::string& step : chat.journey)
            ui::list_item(step);
        ui::end_list();
    }
    std::string offered;
    for (const chat::ChatMessage& message : transcript.messages())
        if (!message.article_id.empty())
            offered += (offered.empty() ? "" : ", ") + message.article_id;
    draw_fact("The bot offered", offered);
    if (const auto& handoff = transcript.handoff()) {
        switch (handoff->reason) {
        case chat::HandoffReason::ShopperAsked:
            draw_fact("Why a person", "the shopper asked for one");
            break;
        case chat::HandoffReason::NotHelpful:
            draw_fact("Why a person", "the bot's answer did not help");
            break;
        case chat::HandoffReason::BotNotConfident:
            draw_fact("Why a person", "the bot had no good answer");
            break;
        }
    }
}

InboxViewResult draw_chat(InboxViewState& state, ChatInbox& inbox) {
    InboxViewResult result;
    const InboxChat& chat = *inbox.open_chat();
    ui::heading("Chat", 2);
    draw_context(chat, inbox.transcript());
    ImGui::Separator();
    if (!inbox.transcript_loaded())
        ui::status_text("chat-status", "Loading the transcript…");
    for (const chat::ChatMessage& message : inbox.transcript().messages()) {
        ImGui::PushID(static_cast<int>(message.seq));
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ui::paragraph(author_of(message));
        ImGui::PopStyleColor();
        ui::paragraph(message.text);
        ImGui::PopID();
    }
    for (const OutgoingReply& reply : inbox.outgoing()) {
        ImGui::PushID(reply.client_id.c_str());
        ui::paragraph(reply.text);
        if (reply.error.empty())
            ui::paragraph("Sending…");
        else
            ui::error_text("reply-error", "Not sent: " + reply.error);
        ImGui::PopID();
    }
    ui::status_text("shopper-typing", state.shopper_typing ? "The shopper is typing…" : "");
    ui::status_text("chat-action", inbox.status_message());

    const chat::ConversationState now = chat.state;
    if (now == chat::ConversationState::Closed) {
        ui::paragraph("This chat is closed.");
    } else {
        if (now != chat::ConversationState::Agent && ui::button("Join", {.style = ui::ButtonStyle::Primary}))
            inbox.join();
        if (now == chat::ConversationState::Agent) {
            bool enter = false;
            if (ui::text_field("Reply", state.reply,
                               {.kind = ui::TextFieldKind::Multiline,
                                .placeholder = "Write to the shopper (Enter sends, Shift+Enter a new line)",
                                .lines = 3,
                                .max_chars = static_cast<std::uint32_t>(chat::k_max_message_bytes),
                                .send = &enter}))
                result.action = InboxViewAction::Typing;
            if (ui::button("Send reply") || enter) {
                inbox.reply(state.reply);
                state.reply.clear();
            }
        }
        ImGui::SameLine();
        if (ui::button("Close chat", {.style = ui::ButtonStyle::Secondary}))
            inbox.close_chat();
    }
    const std::size_t shown = inbox.transcript().messages().size() + inbox.outgoing().size();
    if (shown != state.shown) {
        state.shown = shown;
        ImGui::SetScrollHereY(1.0f);
    }
    return result;
}

} // namespace

InboxViewResult draw_inbox_view(InboxViewState& state, ChatInbox& inbox, std::int64_t now_ms) {
    InboxViewResult result;
    if (!inbox.online().empty()) {
        std::string who;
        for (const std::string& email : inbox.online())
            who += (who.empty() ? "" : ", ") + email;
        ui::paragraph("Online: " + who);
    }
    const bool wide = ImGui::GetContentRegionAvail().x >= k_wide_layout;
    const float height = std::max(ImGui::GetContentRegionAvail().y, 240.0f);
    if (!wide && inbox.open_chat()) {
        if (ui::button("Back to the chats",
                       {.style = ui::ButtonStyle::Quiet, .icon = ui::ButtonIcon::Back})) {
            inbox.close_view();
            return result;
        }
        ImGui::BeginChild("##chat", ImVec2(0, 0));
        result = draw_chat(state, inbox);
        ImGui::EndChild();
        return result;
    }
    if (!wide) {
        return draw_list(inbox, now_ms);
    }
    const float list_width = ImGui::GetContentRegionAvail().x * 0.4f;
    ImGui::BeginChild("##chat-list", ImVec2(list_width, height));
    result = draw_list(inbox, now_ms);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("##chat", ImVec2(0, height), ImGuiChildFlags_Borders);
    if (inbox.open_chat()) {
        InboxViewResult chat = draw_chat(state, inbox);
        if (chat.action != InboxViewAction::None)
            result = chat;
    } else {
        ui::paragraph("Choose a chat to see the shopper's page and the conversation so far, and to answer.");
    }
    ImGui::EndChild();
    return result;
}

} // namespace support::console
