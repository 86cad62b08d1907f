#include "console/console_app.h"

#include "shared/core/protocol/uuid.h"
#include "shared/ui/controls.h"
#include "shared/ui/plain_text.h"
#include "shared/ui/theme.h"
#include "shared/web/call_later.h"
#include "shared/web/feedback_queue.h"
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
      m_insights(browser_transport(), [this] { session_ended(); }),
      m_inbox(
          browser_transport(), [this] { return m_session.csrf_token(); },
          [] { return protocol::format_uuid_v4(web::random_bytes_16()); }, [this] { session_ended(); }) {}

void ConsoleApp::start() {
    ui::apply_theme(ui::make_theme(ui::Rgb{79, 70, 229}));
    m_session.check();
}

void ConsoleApp::session_ended() {
    m_session.ended();
    m_detail.close();
    listen_to_inbox(false);
}

void ConsoleApp::listen_to_inbox(bool signed_in) {
    if (!signed_in) {
        m_inbox_stream.close();
        m_chat_stream.close();
        m_inbox.close_view();
        web::set_page_title("Support console");
        return;
    }
    m_inbox.refresh();
    m_inbox_stream.open("/api/v1/staff/inbox/events", {.on_event =
                                                           [this](const web::StreamEvent& event) {
                                                               if (event.type == "conversation")
                                                                   m_inbox.refresh();
                                                           },
                                                       .on_state =
                                                           [this](web::StreamState state) {
                                                               // Back after a break: what changed meanwhile
                                                               // is fetched.
                                                               if (state == web::StreamState::Open)
                                                                   m_inbox.refresh();
                                                           }});
}

void ConsoleApp::open_chat(const InboxChat& chat) {
    m_inbox.open(chat);
    m_inbox_view = {};
    m_typing_until_ms = 0;
    m_chat_stream.open("/api/v1/staff/conversations/" + chat.id + "/events?last_event_id=0",
                       {.on_event =
                            [this](const web::StreamEvent& event) {
                                if (event.type == "typing") {
                                    m_typing_until_ms = web::now_ms() + 6000;
                                    // Nothing to do then but draw: the notice is gone.
                                    web::call_later(6100, [] {});
                                    return;
                                }
                                if (event.type == "message") {
                                    m_typing_until_ms = 0;
                                    m_inbox.take_event(event.data);
                                }
                            },
                        .on_state = {}});
}

// The tab's title and the Inbox button say how many chats wait, so a waiting shopper is seen from
// another view or another tab (no sound).
void ConsoleApp::show_waiting_count() {
    const std::size_t waiting = m_inbox.waiting();
    if (waiting == m_waiting_shown)
        return;
    m_waiting_shown = waiting;
    web::set_page_title(waiting == 0 ? "Support console"
                                     : "(" + std::to_string(waiting) + ") Support console");
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
        listen_to_inbox(state == SessionState::SignedIn);
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
        draw_view_buttons();
        show_waiting_count();
        // Scrolls as a whole when a short window (200% zoom) cannot hold the filters and the table.
        ImGui::BeginChild("##console-view", ImVec2(0, 0));
        if (m_view == View::Inbox) {
            m_inbox_view.shopper_typing = web::now_ms() < m_typing_until_ms;
            const InboxViewResult result = draw_inbox_view(m_inbox_view, m_inbox, web::now_ms());
            if (result.action == InboxViewAction::Open)
                open_chat(result.chat);
            else if (result.action == InboxViewAction::Typing)
                m_inbox.typing(web::now_ms());
            else if (!m_inbox.open_chat())
                m_chat_stream.close();
        } else if (m_view == View::Insights)
            draw_insights_view(m_insights_view, m_insights, web::now_ms());
        else if (draw_feedback_view(m_feedback, m_rows, m_detail) == FeedbackViewAction::ExportCsv)
            web::download(m_rows.filters().csv_url());
        ImGui::EndChild();
        break;
    }
}

void ConsoleApp::draw_view_buttons() {
    ImGui::PushID("views");
    const std::size_t waiting = m_inbox.waiting();
    const std::string inbox = waiting == 0 ? "Inbox" : "Inbox (" + std::to_string(waiting) + " waiting)";
    if (ui::button((inbox + "###inbox").c_str(),
                   {.style = waiting > 0 ? ui::ButtonStyle::Primary : ui::ButtonStyle::Secondary,
                    .pressed = m_view == View::Inbox})) {
        m_inbox.refresh();
        m_view = View::Inbox;
    }
    ImGui::SameLine();
    if (ui::button("Feedback", {.style = ui::ButtonStyle::Secondary, .pressed = m_view == View::Feedback}))
        m_view = View::Feedback;
    ImGui::SameLine();
    if (ui::button("Insights", {.style = ui::ButtonStyle::Secondary, .pressed = m_view == View::Insights})) {
        // Fresh figures each time the view is chosen: the last 30 days at first, then the range last
        // shown.
        m_insights.load(m_insights.days() < 0 ? 30 : m_insights.days(), web::now_ms());
        m_view = View::Insights;
    }
    ImGui::PopID();
}

std::string ConsoleApp::debug_state_json() const {
    nlohmann::json state{{"signed_in", m_session.state() == SessionState::SignedIn},
                         {"rows_counted", m_rows.counted()},
                         {"rows_total", m_rows.total()},
                         {"detail_id", m_detail.item() ? m_detail.item()->id : 0},
                         {"chats", m_inbox.items().size()},
                         {"waiting", m_inbox.waiting()},
                         {"open_chat", m_inbox.open_chat() ? m_inbox.open_chat()->id : ""},
                         {"transcript", m_inbox.transcript().messages().size()}};
    return state.dump();
}

} // namespace support::console
