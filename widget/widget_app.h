#pragma once
// The shopper's panel: a header (title, Close), the search field, and below them the current view
// of a view stack (Home → Article → Contact, or the guide being followed) with a Back button, in a
// scrolling region. A guide runs on the page with the panel open or closed (widget/active_guide.h).

#include "shared/core/context/journey_log.h"
#include "shared/core/context/site_context.h"
#include "shared/core/feedback/helpful_answers.h"
#include "shared/core/feedback/unanswered_query_watch.h"
#include "shared/core/protocol/feedback_submission.h"
#include "shared/core/search/search_index.h"
#include "shared/web/local_storage.h"
#include "shared/web/web_app.h"
#include "widget/active_guide.h"
#include "widget/chat_session.h"
#include "widget/help_content.h"
#include "widget/help_search.h"
#include "widget/session_sync.h"
#include "widget/shopper_eraser.h"
#include "widget/views/article_view.h"
#include "widget/views/chat_view.h"
#include "widget/views/report_problem_view.h"
#include "widget/views/view_action.h"
#include "widget/views/view_stack.h"

#include <cstdint>
#include <optional>
#include <string>

namespace support::widget {

class WidgetApp final : public web::WebApp {
  public:
    void on_loaded() override;
    void start() override;
    void draw() override;
    void on_open_changed(bool open) override;
    bool on_command(const std::string& name, const std::string& argument) override;
    std::string debug_state_json() const override;

  private:
    enum class FocusAfterOpen : std::uint8_t { Nothing, CloseButton, SearchField };

    void draw_header();
    void words_arrived();
    void draw_back_button();
    void draw_view();
    // Asks for DOM focus on the next control drawn if it is the one chosen when the panel opened.
    void claim_focus_if(FocusAfterOpen control);

    void query_changed();
    // The session (widget/session_sync.h): what this tab shows, written when it changes; what another
    // tab changed, shown here.
    void publish_session();
    void session_changed(const session::Session& before);
    // The view stack as the session names it ("home", "article:<id>", "chat"), and back.
    std::vector<std::string> view_names() const;
    void restore_views(const std::vector<std::string>& names);
    // The search log's next query settled (and was kept, or not: said on the console).
    void watch_unanswered_search();
    // A search that found nothing and settled (or was left) goes out as a search_miss event.
    void leave_unanswered_search();
    void send_search_miss(std::optional<std::string> query);
    void send_guide_outcome(const guide::GuideOutcome& outcome);
    void content_became_ready();
    void content_settled();
    void load_content();
    void start_guide(const guide::Guide& guide);
    // The page's commands that name content: run now, or once the content is in. An unknown id is
    // named on the console with the ids there are.
    // True when the content is not in yet: the command is kept, run by on_command once it is.
    bool wait_for_content(const char* command, const std::string& argument);
    void start_guide_by_id(const std::string& id);
    void show_article_by_id(const std::string& id);
    // SupportWidget('search', q): the panel shows the results for q, as if the shopper had typed it.
    void search_for(std::string query);
    // SupportWidget('forget'): everything this browser keeps of ours is removed, every part of the
    // panel starts afresh (here and in the site's other tabs), and the server is asked to delete what
    // was sent with this browser's shopper key (widget/shopper_eraser.h).
    void forget_shopper();
    void forget_locally();
    void read_page();
    void apply(const ViewAction& action);
    void navigate(ViewEntry entry);
    // Feedback through the outbox (shared/web/feedback_queue.h).
    void answer_helpful(std::uint32_t article, HelpfulAnswer answer);
    // A "No" is kept in the outbox at once but held for its optional comment; it is sent with Send,
    // or without a comment when the shopper leaves the article, closes the panel or the page.
    void send_pending_no(bool with_comment);
    // "Report a problem with this page": checks the form and sends it, or names what to fix.
    void send_problem_report();
    // True when a card number, IBAN or password was masked out of it.
    bool send_feedback(protocol::FeedbackSubmission submission);
    // The page's SupportWidget('on', 'feedback', fn): {kind, subject, helpful | score}.
    void announce_feedback(const protocol::FeedbackSubmission& submission) const;
    // The chat view's requests (widget/chat_session.h).
    void apply_chat(const ViewAction& action);
    void open_chat();
    // Whether the shopper sees the chat now: what arrives is read, and the launcher's badge clears.
    void update_chat_watching();
    // A new client id, the time, the locale and what the page knows.
    void stamp(protocol::FeedbackSubmission& submission) const;
    // What the page knows: its address and title, the device class, the product it shows.
    protocol::ContextSnapshot page_context() const;
    // SupportWidget('setContext', …) checked; a mistake is said once on the console (nullopt).
    std::optional<context::SiteContext> site_context() const;
    // Who the site says the shopper is (SupportWidget('identify', …)); a mistake is named once.
    std::optional<protocol::ShopperIdentity> shopper_identity() const;

    std::string m_title = "Help";
    std::string m_search_query;
    FocusAfterOpen m_focus_after_open = FocusAfterOpen::Nothing;
    bool m_focus_view = false; // the view changed: focus its first control

    web::SiteLocalStorage m_storage; // first: the members below keep things in it
    SessionSync m_session{m_storage};
    bool m_views_to_restore = false;                // another tab's views wait for the content
    std::optional<std::uint32_t> m_published_views; // the stack's revision last written to the session
    HelpContent m_content;
    HelpSearch m_search;
    search::PageContext m_page;
    ViewStack m_views;
    feedback::HelpfulAnswers m_answers{m_storage};
    feedback::UnansweredQueryWatch m_unanswered;
    std::size_t m_search_misses = 0; // sent this visit, for the debug state
    ActiveGuide m_guide{m_session};
    std::optional<std::uint32_t> m_pending_no;             // the article whose "No" waits for its comment
    std::optional<protocol::FeedbackSubmission> m_held_no; // that "No", as the outbox holds it
    HelpfulComment m_comment;
    ProblemReportForm m_report;
    // Page commands that name content (startGuide, showArticle) given before it was in: run then.
    std::vector<std::pair<std::string, std::string>> m_commands_waiting;
    ChatSession m_chat{m_storage, m_session};
    ShopperEraser m_eraser{m_storage};
    context::JourneyLog m_journey{m_storage}; // what the shopper tried: a new chat carries it
    ChatDraft m_chat_draft;
    bool m_open = false;
    mutable std::string m_refused_site_context; // the last setContext refused (said once on the console)
    mutable std::string m_refused_identity;     // the last identify refused (the same)
};

} // namespace support::widget
