#pragma once
// The support staff's console: sign-in, then the Feedback view (filters, the table, the detail
// pane and triage) and the Insights view (charts of what feedback adds up to). The Inbox (chat)
// joins them later.

#include "console/model/feedback_detail.h"
#include "console/model/feedback_rows.h"
#include "console/model/insights.h"
#include "console/model/staff_session.h"
#include "console/views/feedback_view.h"
#include "console/views/insights_view.h"
#include "console/views/sign_in_view.h"
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

    StaffSession m_session;
    FeedbackRows m_rows;
    FeedbackDetail m_detail;
    Insights m_insights;
    SignInForm m_sign_in;
    FeedbackViewState m_feedback;
    InsightsViewState m_insights_view;
    enum class View : std::uint8_t { Feedback, Insights } m_view = View::Feedback;
    SessionState m_drawn_state = SessionState::Checking;
};

} // namespace support::console
