#pragma once
// The support staff's console: sign-in, then the Inbox (chats that need a person, answered live),
// the Feedback view (filters, the table, the detail pane and triage) and the Insights view (charts
// of what feedback adds up to). While signed in it holds the inbox stream: that is what makes the
// member "online" to shoppers, and what keeps the Inbox and the tab's title badge current.

#include "console/model/chat_inbox.h"
#include "console/model/feedback_detail.h"
#include "console/model/feedback_rows.h"
#include "console/model/insights.h"
#include "console/model/staff_session.h"
#include "console/views/feedback_view.h"
#include "console/views/inbox_view.h"
#include "console/views/insights_view.h"
#include "console/views/sign_in_view.h"
#include "shared/web/event_stream.h"
#include "shared/web/web_app.h"

namespace support::console {

class ConsoleApp final : public web::WebApp {
  public:
    ConsoleApp();

    void start() override;
    void draw() override;
    std::string debug_state_json() const override;

  private:
    void draw_header();
    void session_ended();
    void draw_view_buttons();
    // Signed in: the inbox stream opens (presence, live list); signed out: every stream closes.
    void listen_to_inbox(bool signed_in);
    void open_chat(const InboxChat& chat);
    void show_waiting_count();

    StaffSession m_session;
    FeedbackRows m_rows;
    FeedbackDetail m_detail;
    Insights m_insights;
    SignInForm m_sign_in;
    FeedbackViewState m_feedback;
    InsightsViewState m_insights_view;
    ChatInbox m_inbox;
    InboxViewState m_inbox_view;
    web::EventStream m_inbox_stream;
    web::EventStream m_chat_stream;
    std::int64_t m_typing_until_ms = 0;
    std::size_t m_waiting_shown = 0;
    enum class View : std::uint8_t { Inbox, Feedback, Insights } m_view = View::Feedback;
    SessionState m_drawn_state = SessionState::Checking;
};

} // namespace support::console
