#include "console/console_app.h"

#include "shared/ui/controls.h"
#include "shared/ui/plain_text.h"
#include "shared/ui/theme.h"
#include "shared/web/http_request.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

namespace support::console {

namespace {

// The staff API through the browser's fetch, with the session cookie.
StaffTransport browser_transport() {
    return [](StaffRequest request, std::function<void(StaffAnswer)> done) {
        web::http_request({request.method, request.url, request.json_body, request.csrf_token, {}},
                          [done = std::move(done)](web::HttpAnswer answer) {
                              done(StaffAnswer{answer.status, std::move(answer.body)});
                          });
    };
}

} // namespace

ConsoleApp::ConsoleApp()
    : m_session(browser_transport()), m_rows(browser_transport(), [this] { session_ended(); }),
      m_detail(
          browser_transport(), [this] { return m_session.csrf_token(); },
          [this](const FeedbackItem& item) { m_rows.update(item); }, [this] { session_ended(); }),
      m_insights(browser_transport(), [this] { session_ended(); }) {}

void ConsoleApp::start() {
    ui::apply_theme(ui::make_theme(ui::Rgb{79, 70, 229}));
    m_session.check();
}

void ConsoleApp::session_ended() {
    m_session.ended();
    m_detail.close();
}

void ConsoleApp::draw_header() {
    ui::heading("Support console", 1, ImGui::GetContentRegionAvail().x * 0.5f);
    if (m_session.state() != SessionState::SignedIn)
        return;
    const std::string who =
        m_session.email() + (m_session.role().empty() ? "" : " (" + m_session.role() + ")");
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - ui::plain_text_size(who).x -
                                                         ui::plain_text_size("Sign out").x - 80.0f));
    ImGui::AlignTextToFramePadding();
    ui::text_item(who, FLT_MAX);
    ImGui::SameLine();
    if (ui::button("Sign out", {.style = ui::ButtonStyle::Secondary})) {
        m_detail.close();
        m_session.sign_out();
    }
}

void ConsoleApp::draw() {
    draw_header();
    const SessionState state = m_session.state();
    if (state != m_drawn_state) {
        // Signed in (or back): the table starts fresh; signed out: nothing of it stays on screen.
        if (state == SessionState::SignedIn) {
            m_rows.refresh();
            m_feedback.focus_first_row = true;
        }
        m_drawn_state = state;
    }
    switch (state) {
    case SessionState::Checking:
        ui::status_text("console-status", "Checking your session");
        break;
    case SessionState::SignedOut:
    case SessionState::SigningIn:
        draw_sign_in_view(m_session, m_sign_in);
        break;
    case SessionState::SignedIn:
        ui::status_text("console-status", "");
        ImGui::PushID("views");
        if (ui::button("Feedback",
                       {.style = ui::ButtonStyle::Secondary, .pressed = m_view == View::Feedback}))
            m_view = View::Feedback;
        ImGui::SameLine();
        if (ui::button("Insights",
                       {.style = ui::ButtonStyle::Secondary, .pressed = m_view == View::Insights})) {
            // Fresh figures each time the view is chosen: the last 30 days at first, then the range last
            // shown.
            m_insights.load(m_insights.days() < 0 ? 30 : m_insights.days(), web::now_ms());
            m_view = View::Insights;
        }
        ImGui::PopID();
        // Scrolls as a whole when a short window (200% zoom) cannot hold the filters and the table.
        ImGui::BeginChild("##console-view", ImVec2(0, 0));
        if (m_view == View::Insights)
            draw_insights_view(m_insights_view, m_insights, web::now_ms());
        else if (draw_feedback_view(m_feedback, m_rows, m_detail) == FeedbackViewAction::ExportCsv)
            web::download(m_rows.filters().csv_url());
        ImGui::EndChild();
        break;
    }
}

std::string ConsoleApp::debug_state_json() const {
    nlohmann::json state{{"signed_in", m_session.state() == SessionState::SignedIn},
                         {"rows_counted", m_rows.counted()},
                         {"rows_total", m_rows.total()},
                         {"detail_id", m_detail.item() ? m_detail.item()->id : 0}};
    return state.dump();
}

} // namespace support::console
