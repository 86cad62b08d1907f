#include "widget/widget_app.h"

#include "shared/core/context/secrets_in_messages.h"
#include "shared/core/context/site_context.h"
#include "shared/core/persistence/shopper_key_store.h"
#include "shared/core/text/language.h"
#include "shared/core/text/utf8.h"
#include "widget/widget_words.h"

#include "shared/core/protocol/uuid.h"
#include "shared/ui/controls.h"
#include "shared/ui/scrolling_child.h"
#include "shared/ui/theme.h"
#include "shared/web/feedback_queue.h"
#include "shared/web/page_facts.h"
#include "widget/views/article_view.h"
#include "widget/views/contact_view.h"
#include "widget/views/guide_view.h"
#include "widget/views/home_view.h"

#include <imgui.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace support::widget {

namespace {
constexpr int k_phone_viewport_max = 480;    // CSS px: the panel is a full-width sheet at or below this
constexpr int k_tablet_viewport_max = 1024;  // CSS px: wider is a desktop
constexpr int k_hold_no_ms = 10 * 60 * 1000; // a "No" waits this long for its comment at most
constexpr float k_close_button_width = 44.0f;
constexpr std::size_t k_max_page_search_bytes = 1000; // SupportWidget('search', q): longer is cut

void warn_not_kept(const char* what, const Error& error) {
    std::fprintf(stderr, "support widget: %s not kept after this visit: %s\n", what, error.code.c_str());
}
} // namespace

void WidgetApp::on_loaded() {
    m_content.set_on_settled([this] { content_settled(); });
    m_guide.set_outcome_handler([this](const guide::GuideOutcome& outcome) { send_guide_outcome(outcome); });
    web::set_guide_page_handler(
        [this](const guide::GuideEvent& event) { m_guide.handle(event, web::now_ms()); });
    // This tab's id among the shopper's tabs: it only breaks ties between writes at one logical time.
    const auto random = web::random_bytes_16();
    std::string tab;
    for (std::size_t i = 0; i < 6; ++i)
        tab += "0123456789abcdef"[random[i] & 15];
    m_session.start("t-" + tab, [this](const session::Session& before) { session_changed(before); });
    // Where the shopper was in the panel before this page (or in another tab).
    m_search_query = m_session.state().search_query.value;
    if (m_session.state().views.value.size() > 1)
        restore_views(m_session.state().views.value);
    // A guide in progress on the page before: continue it here as soon as the content is in.
    if (m_guide.load_saved())
        load_content();
    // A conversation from before goes on: its stream reopens and what arrives shows on the launcher.
    m_chat.on_unread_changed([](int count) {
        web::set_unread(count, count > 0
                                   ? tr_count("Help, {count} new messages", static_cast<std::uint64_t>(count))
                                   : std::string());
    });
    // The page hears each message from the bot or a person: SupportWidget('on', 'message', fn).
    m_chat.on_message([](const chat::ChatMessage& message) {
        web::emit_page_event("message", nlohmann::json{{"author", chat::author_name(message.author)},
                                                       {"name", message.author_label},
                                                       {"text", message.text}}
                                            .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    });
    m_chat.start(web::config_string("server", ""), web::config_string("site", ""));
    // Forgetting (SupportWidget('forget')): a request an earlier page could not finish goes out;
    // another tab that forgot takes this one along.
    m_eraser.start(web::config_string("server", ""), web::config_string("site", ""));
    m_session.on_forgotten([this] {
        forget_locally();
        // What this tab wrote before it heard (its generation loses everywhere) goes too.
        (void)m_storage.remove("session");
    });
    m_journey.load(web::now_ms());
    // The pages the shopper went through with the widget loaded (a reload of one is one step).
    const web::PageFacts page = web::read_page_facts();
    m_journey.record({protocol::JourneyKind::Page, page.path, page.title, web::now_ms()});
}

void WidgetApp::start() {
    // Hebrew, Arabic, Persian… UIs read right to left: the panel mirrors and its text aligns right.
    const std::string locale = web::config_string("locale", "en");
    const bool right_to_left = text::writes_right_to_left(locale);
    ui::current_context().set_right_to_left(right_to_left);
    web::set_text_direction(right_to_left);
    // The widget's own words in the shopper's language: nothing is drawn until they are here (or
    // are known not to come), so the panel never flashes English first.
    load_words(locale, [this] { words_arrived(); });
    const auto brand = ui::parse_hex_colour(web::config_string("brand", "#4f46e5"));
    ui::apply_theme(ui::make_theme(brand.value_or(ui::Rgb{79, 70, 229})));
    m_answers.load();
    read_page();
    load_content();
    // A mistake in the site's setContext or identify is named now, not at the first chat.
    (void)site_context();
    (void)shopper_identity();
}

void WidgetApp::words_arrived() {
    // The loader names the panel "Help" when the site gives no title: that is the widget's word.
    const std::string title = web::config_string("title", "Help");
    m_title = title == "Help" ? tr("Help") : title;
    m_guide.use_words({tr("Step {position} of {total}"),
                       tr("I can't find this on the page. You can skip this step or end the guide."),
                       tr("Guide complete: {title}"), tr("Guide ended: {title}"), number_digits()});
    web::request_frames();
}

void WidgetApp::load_content() {
    m_content.load(web::config_string("server", ""), web::config_string("site", ""),
                   web::config_string("locale", "en"));
}

void WidgetApp::content_settled() {
    if (m_content.state() != ContentState::Ready)
        return;
    content_became_ready();
    if (m_views_to_restore)
        restore_views(m_session.state().views.value);
    m_guide.resume_saved(m_content, web::read_page_facts().path, web::now_ms());
    for (const auto& [name, argument] : std::exchange(m_commands_waiting, {}))
        on_command(name, argument);
}

void WidgetApp::start_guide(const guide::Guide& guide) {
    m_guide.start(guide, web::read_page_facts().path, web::now_ms());
    m_journey.record({protocol::JourneyKind::Guide, guide.id, "started", web::now_ms()});
    // The guide view is what the panel shows when the shopper opens it again; the panel itself
    // closes so the page, where the steps are, is in full view (on a phone it covers most of it).
    if (m_views.top().kind != ViewKind::Guide)
        navigate({ViewKind::Guide, 0});
    web::request_close(web::AfterClose::KeepFocus);
}

bool WidgetApp::wait_for_content(const char* command, const std::string& argument) {
    if (m_content.state() == ContentState::Ready)
        return false;
    m_commands_waiting.emplace_back(command, argument);
    load_content();
    return true;
}

void WidgetApp::start_guide_by_id(const std::string& id) {
    if (wait_for_content("startGuide", id))
        return;
    if (const guide::Guide* guide = m_content.find_guide(id)) {
        start_guide(*guide);
        return;
    }
    std::string known;
    for (const guide::Guide& guide : m_content.guides())
        known += (known.empty() ? "" : ", ") + guide.id;
    std::fprintf(stderr, "SupportWidget: startGuide: no guide \"%s\" in this locale; the guides are: %s\n",
                 id.c_str(), known.empty() ? "(none)" : known.c_str());
}

void WidgetApp::show_article_by_id(const std::string& id) {
    if (wait_for_content("showArticle", id))
        return;
    if (const auto index = m_content.find(id)) {
        m_views.to_home();
        navigate({ViewKind::Article, *index});
        return;
    }
    std::string known;
    for (std::uint32_t i = 0; i < m_content.size(); ++i)
        known += (known.empty() ? "" : ", ") + m_content.article(i).id;
    std::fprintf(stderr,
                 "SupportWidget: showArticle: no article \"%s\" in this locale; the articles are: %s\n",
                 id.c_str(), known.empty() ? "(none)" : known.c_str());
}

void WidgetApp::forget_shopper() {
    const std::string key = persistence::stored_shopper_key(m_storage);
    // Nothing of ours stays in this browser: the stored keys first (what the parts below read back is
    // then empty; resetting them writes nothing), the parts' memory next, and the other tabs told.
    (void)web::remove_every_site_key();
    forget_locally();
    m_session.forget();
    // What the server has: deleted by the key that was sent with it (kept as "forget-pending" until
    // the server has answered). Without a key nothing was sent.
    if (!key.empty())
        m_eraser.ask(key);
}

void WidgetApp::forget_locally() {
    m_chat.forget();
    m_chat_draft = ChatDraft();
    m_guide.follow(std::nullopt, m_content, web::read_page_facts().path, web::now_ms());
    m_pending_no.reset();
    m_held_no.reset();
    m_comment = HelpfulComment();
    m_report = ProblemReportForm();
    m_journey.load(web::now_ms());
    m_answers.load();
    m_search_query.clear();
    m_search.run(m_content, m_search_query, m_page);
    m_views.to_home();
    m_published_views = m_views.revision();
    // Nothing is written here: the next change the shopper makes starts a new session.
}

void WidgetApp::search_for(std::string query) {
    m_search_query = std::string(text::truncate_utf8(query, k_max_page_search_bytes));
    query_changed();
    if (m_content.state() != ContentState::Ready)
        load_content();
}

bool WidgetApp::on_command(const std::string& name, const std::string& argument) {
    if (name == "startGuide")
        start_guide_by_id(argument);
    else if (name == "showArticle")
        show_article_by_id(argument);
    else if (name == "search")
        search_for(argument);
    else if (name == "forget")
        forget_shopper();
    else
        return false;
    return true;
}

void WidgetApp::on_open_changed(bool open) {
    m_open = open;
    // Opened or closed by the shopper here, or to match the session (a reload, another tab): then
    // focus stays where it is.
    const bool by_shopper = m_session.state().panel_open.value != open;
    m_session.set_panel_open(open);
    update_chat_watching();
    // On a phone, focus goes to Close rather than the search field, so the keyboard does not cover
    // the panel the moment it opens.
    if (!open) {
        m_focus_after_open = FocusAfterOpen::Nothing;
        leave_unanswered_search();
        send_pending_no(false);
        return;
    }
    m_focus_after_open = !by_shopper                                     ? FocusAfterOpen::Nothing
                         : web::viewport_width() <= k_phone_viewport_max ? FocusAfterOpen::CloseButton
                                                                         : FocusAfterOpen::SearchField;
    // Opened while a guide runs: the panel shows where the shopper is in it. Opened during a
    // conversation: the panel shows it, with what arrived meanwhile.
    if (m_guide.running() && m_views.top().kind != ViewKind::Guide)
        navigate({ViewKind::Guide, 0});
    else if (m_chat.started() && m_chat.conversation().state() != chat::ConversationState::Closed &&
             m_views.top().kind == ViewKind::Home)
        open_chat();
    read_page();
    publish_session();
}

void WidgetApp::publish_session() {
    m_session.set_search_query(m_search_query);
    // Until the content is in, this tab's stack is Home whatever the session says: not written.
    // Written when the stack changed, not every frame.
    if (m_content.state() == ContentState::Ready && !m_views_to_restore &&
        m_views.revision() != m_published_views) {
        m_published_views = m_views.revision();
        m_session.set_views(view_names());
    }
}

std::vector<std::string> WidgetApp::view_names() const {
    std::vector<std::string> names;
    for (const ViewEntry& entry : m_views.entries())
        names.push_back(entry.kind == ViewKind::Article
                            ? std::string("article:") + m_content.article(entry.article).id
                            : std::string(view_name(entry.kind)));
    return names;
}

void WidgetApp::restore_views(const std::vector<std::string>& names) {
    if (m_content.state() != ContentState::Ready) {
        m_views_to_restore = true; // shown once the content is in
        load_content();
        return;
    }
    m_views_to_restore = false;
    m_views.to_home();
    for (const std::string& name : names) {
        constexpr std::string_view article_prefix = "article:";
        ViewKind kind = ViewKind::Home;
        if (std::string_view(name).substr(0, article_prefix.size()) == article_prefix) {
            if (const auto index = m_content.find(std::string_view(name).substr(article_prefix.size())))
                m_views.push({ViewKind::Article, *index});
        } else if (parse_view_name(name, kind) && kind != ViewKind::Home) {
            m_views.push({kind, 0});
        }
    }
    update_chat_watching();
}

void WidgetApp::session_changed(const session::Session& before) {
    const session::Session& now = m_session.state();
    if (now.search_query.value != m_search_query) {
        m_search_query = now.search_query.value;
        m_search.run(m_content, m_search_query, m_page);
    }
    if (now.views.value != before.views.value && now.views.value != view_names())
        restore_views(now.views.value);
    if (now.guide.value != before.guide.value) {
        if (m_content.state() != ContentState::Ready)
            load_content();
        m_guide.follow(now.guide.value, m_content, web::read_page_facts().path, web::now_ms());
    }
    if (now.chat.value != before.chat.value)
        m_chat.follow(now.chat.value);
    if (now.panel_open.value != m_open)
        web::request_open_state(now.panel_open.value);
}

void WidgetApp::read_page() {
    web::PageFacts facts = web::read_page_facts();
    search::PageContext page{std::move(facts.path), facts.product ? facts.product->sku : std::string(),
                             std::move(facts.categories)};
    if (page.path == m_page.path && page.product_sku == m_page.product_sku &&
        page.categories == m_page.categories)
        return;
    m_page = std::move(page);
    m_search.suggest(m_content, m_page);
    m_search.run(m_content, m_search_query, m_page);
}

void WidgetApp::claim_focus_if(FocusAfterOpen control) {
    if (m_focus_after_open != control)
        return;
    ui::current_context().focus_next_control();
    m_focus_after_open = FocusAfterOpen::Nothing;
}

void WidgetApp::draw_header() {
    // The title wraps before the Close button at the top right. Drawn in reading order (title,
    // then Close) so the mirror and Tab follow it; laid out by hand, which keeps Dear ImGui's
    // tables (about 8 KB gzip) out of the module.
    const ImVec2 start = ImGui::GetCursorPos();
    const float width = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    // Close takes the leading corner's opposite: top right, or top left in a right-to-left UI
    // (ui::button mirrors it there), the title beside it.
    if (ui::current_context().right_to_left())
        ImGui::SetCursorPosX(start.x + k_close_button_width + spacing);
    ui::heading(m_title, 1, std::max(1.0f, width - k_close_button_width - spacing));
    const float title_bottom = ImGui::GetCursorPosY();
    ImGui::SetCursorPos(ImVec2(start.x + width - k_close_button_width, start.y));
    claim_focus_if(FocusAfterOpen::CloseButton);
    const std::string close_name = tr("Close");
    if (ui::button("close", {.style = ui::ButtonStyle::Quiet,
                             .icon = ui::ButtonIcon::Close,
                             .accessible_name = close_name.c_str(),
                             .width = k_close_button_width}))
        web::request_close();
    ImGui::SetCursorPos(ImVec2(start.x, std::max(title_bottom, ImGui::GetCursorPosY())));
}

void WidgetApp::content_became_ready() {
    m_search.suggest(m_content, m_page);
    m_search.run(m_content, m_search_query, m_page);
    watch_unanswered_search();
}

void WidgetApp::query_changed() {
    m_search.run(m_content, m_search_query, m_page);
    if (m_content.state() == ContentState::Ready)
        watch_unanswered_search();
    // A new search shows its results, wherever the shopper was.
    send_pending_no(false);
    m_views.to_home();
}

void WidgetApp::watch_unanswered_search() {
    const std::int64_t now = web::now_ms();
    m_unanswered.update(m_search_query, m_search.results().size(), now);
    if (const auto due = m_unanswered.due_in(now))
        web::request_frame_after(static_cast<int>(*due) + 20);
}

void WidgetApp::leave_unanswered_search() {
    send_search_miss(m_unanswered.leave());
}

void WidgetApp::send_search_miss(std::optional<std::string> query) {
    if (!query || query->empty())
        return;
    protocol::FeedbackSubmission miss;
    miss.kind = protocol::FeedbackKind::SearchMiss;
    miss.subject = std::move(*query);
    m_journey.record({protocol::JourneyKind::Search, miss.subject, "no_result", web::now_ms()});
    send_feedback(std::move(miss));
    ++m_search_misses;
}

void WidgetApp::send_guide_outcome(const guide::GuideOutcome& outcome) {
    protocol::FeedbackSubmission ended;
    ended.kind = protocol::FeedbackKind::Guide;
    ended.subject = outcome.guide_id;
    ended.outcome = outcome.kind == guide::OutcomeKind::Completed ? protocol::GuideOutcome::Completed
                                                                  : protocol::GuideOutcome::Abandoned;
    ended.step = outcome.step_id;
    if (outcome.step_number > 0)
        ended.step_number = static_cast<std::int64_t>(outcome.step_number);
    m_journey.record(
        {protocol::JourneyKind::Guide, outcome.guide_id,
         outcome.kind == guide::OutcomeKind::Completed
             ? std::string("completed")
             : "left at step " + std::to_string(outcome.step_number) + " (" + outcome.step_id + ")",
         web::now_ms()});
    send_feedback(std::move(ended));
}

void WidgetApp::answer_helpful(std::uint32_t article, HelpfulAnswer answer) {
    m_journey.record({protocol::JourneyKind::Feedback, m_content.article(article).id,
                      answer == HelpfulAnswer::Yes ? "helpful" : "not_helpful", web::now_ms()});
    if (auto stored =
            m_answers.record(m_content.article(article).id, answer, m_content.locale(), web::now_ms());
        !stored)
        warn_not_kept("answer", stored.error());
    if (m_pending_no && *m_pending_no != article)
        send_pending_no(false);
    m_comment = {};
    protocol::FeedbackSubmission vote;
    if (m_held_no) {
        // The same article's answer changed: still one vote, under the held one's client id.
        vote = std::move(*m_held_no);
    } else {
        vote.kind = protocol::FeedbackKind::ArticleHelpful;
        vote.subject = m_content.article(article).id;
        stamp(vote);
    }
    vote.helpful = answer == HelpfulAnswer::Yes;
    announce_feedback(vote);
    m_pending_no.reset();
    m_held_no.reset();
    if (answer == HelpfulAnswer::No) {
        // Kept at once, sent with its comment, or without it when the shopper moves on or leaves.
        m_pending_no = article;
        m_held_no = vote;
        web::queue_feedback(protocol::encode_feedback_submission(vote), k_hold_no_ms);
        return;
    }
    web::queue_feedback(protocol::encode_feedback_submission(vote));
}

void WidgetApp::send_pending_no(bool with_comment) {
    if (!m_held_no)
        return;
    protocol::FeedbackSubmission vote = std::move(*m_held_no);
    if (with_comment) {
        vote.comment = std::string(text::truncate_utf8(m_comment.text, protocol::k_max_comment_bytes));
        m_comment.sent = true;
    }
    m_pending_no.reset();
    m_held_no.reset();
    m_comment.masked = context::mask_secrets_in(vote);
    web::queue_feedback(protocol::encode_feedback_submission(vote));
}

bool WidgetApp::send_feedback(protocol::FeedbackSubmission submission) {
    stamp(submission);
    const bool masked = context::mask_secrets_in(submission); // a card number: never stored or sent
    announce_feedback(submission);
    web::queue_feedback(protocol::encode_feedback_submission(submission));
    return masked;
}

void WidgetApp::announce_feedback(const protocol::FeedbackSubmission& submission) const {
    // What the shopper said, not what the widget noticed (a search that found nothing, a guide's end).
    if (submission.kind == protocol::FeedbackKind::SearchMiss ||
        submission.kind == protocol::FeedbackKind::Guide)
        return;
    nlohmann::json detail = {{"kind", protocol::feedback_kind_name(submission.kind)}};
    if (!submission.subject.empty())
        detail["subject"] = submission.subject;
    if (submission.helpful)
        detail["helpful"] = *submission.helpful;
    if (submission.score)
        detail["score"] = *submission.score;
    web::emit_page_event("feedback", detail.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void WidgetApp::stamp(protocol::FeedbackSubmission& submission) const {
    submission.client_id = protocol::format_uuid_v4(web::random_bytes_16());
    submission.client_time_ms = web::now_ms();
    submission.locale = m_content.locale().empty() ? web::config_string("locale", "en") : m_content.locale();
    submission.context = page_context();
}

namespace {

// What the site handed over with `command` (kept by the loader under config `key`), checked by
// `parse`; a mistake is said once per object the site gives (`refused` remembers the last one).
template <typename T, typename Parse>
std::optional<T> read_site_object(const char* key, const char* command, const char* consequence, Parse parse,
                                  std::string& refused) {
    const std::string text = web::config_string(key, "");
    if (text.empty())
        return std::nullopt;
    auto parsed = parse(text);
    if (parsed)
        return std::move(parsed).value();
    if (text != refused) {
        refused = text;
        std::fprintf(stderr, "SupportWidget: %s: %s at %s (%s); %s\n", command,
                     parsed.error().message.c_str(),
                     parsed.error().field.empty() ? "/" : parsed.error().field.c_str(),
                     parsed.error().code.c_str(), consequence);
    }
    return std::nullopt;
}

} // namespace

std::optional<context::SiteContext> WidgetApp::site_context() const {
    return read_site_object<context::SiteContext>("context", "setContext", "staff do not see this context",
                                                  context::parse_site_context, m_refused_site_context);
}

std::optional<protocol::ShopperIdentity> WidgetApp::shopper_identity() const {
    return read_site_object<protocol::ShopperIdentity>("identity", "identify",
                                                       "staff do not see who the shopper is",
                                                       context::parse_shopper_identity, m_refused_identity);
}

protocol::ContextSnapshot WidgetApp::page_context() const {
    const web::PageFacts page = web::read_page_facts();
    protocol::ContextSnapshot context;
    context.page_url = page.url;
    context.page_title = page.title;
    context.referrer = page.referrer;
    context.page_lang = std::string(text::truncate_utf8(page.lang, 35));
    context.page_dir = page.dir == "rtl" || page.dir == "ltr" ? page.dir : std::string();
    const int width = web::viewport_width();
    context.viewport = width <= k_phone_viewport_max    ? "phone"
                       : width <= k_tablet_viewport_max ? "tablet"
                                                        : "desktop";
    context.product = page.product;
    // What the site said with SupportWidget('setContext', …): laid over the page's own.
    if (const auto site = site_context())
        context::apply_site_context(*site, context);
    context.shopper = shopper_identity();
    return context;
}

void WidgetApp::send_problem_report() {
    m_report.error = feedback::check_problem_report(m_report.draft);
    if (m_report.error != feedback::ProblemReportError::None) {
        m_report.focus_error = true;
        return;
    }
    protocol::FeedbackSubmission report = feedback::problem_report_submission(m_report.draft);
    m_report.sent_to = report.email;
    m_report.masked = send_feedback(std::move(report));
    m_report.draft = {};
    m_report.sent = true;
    m_focus_view = true;
}

void WidgetApp::navigate(ViewEntry entry) {
    send_pending_no(false);
    m_chat.set_watching(m_open && entry.kind == ViewKind::Chat);
    // Where feedback may be given, the outbox is fetched ahead, so what is sent is kept at once.
    if (entry.kind == ViewKind::Article || entry.kind == ViewKind::ReportProblem)
        web::prepare_feedback();
    m_views.push(entry);
    m_focus_view = true;
}

void WidgetApp::apply(const ViewAction& action) {
    using Kind = ViewAction::Kind;
    switch (action.kind) {
    case Kind::None:
        return;
    case Kind::OpenArticle: {
        // The search that led here, then the article: what the shopper read, for a person later.
        const std::string_view query = chat::trim(m_search_query);
        if (!query.empty() && m_views.top().kind == ViewKind::Home)
            m_journey.record({protocol::JourneyKind::Search, std::string(query), "", web::now_ms()});
        m_journey.record({protocol::JourneyKind::Article, m_content.article(action.article).id,
                          m_content.article(action.article).title, web::now_ms()});
        navigate({ViewKind::Article, action.article});
        return;
    }
    case Kind::OfferChat:
        // What the shopper searched for without an answer is the question: it waits in the box.
        if (m_chat_draft.text.empty() && !m_chat.started() && m_search.results().empty())
            m_chat_draft.text = std::string(chat::trim(m_search_query));
        leave_unanswered_search();
        open_chat();
        return;
    case Kind::ShowContactDetails:
        navigate({ViewKind::Contact, 0});
        return;
    case Kind::SendChat:
    case Kind::ChatTyping:
    case Kind::RetryChatMessage:
    case Kind::ChatAnswerHelped:
    case Kind::ChatAnswerDidNotHelp:
    case Kind::TalkToPerson:
    case Kind::LeaveReplyEmail:
    case Kind::RateChat:
    case Kind::StartNewChat:
        apply_chat(action);
        return;
    case Kind::OpenLink:
        web::open_link(action.href);
        return;
    case Kind::AnswerHelpful:
        answer_helpful(action.article, action.answer);
        return;
    case Kind::SendHelpfulComment:
        send_pending_no(true);
        return;
    case Kind::RetryContent:
        m_content.retry();
        return;
    case Kind::OpenGuide:
        if (action.guide < m_content.guides().size())
            start_guide(m_content.guides()[action.guide]);
        return;
    case Kind::GuideStep:
        m_guide.handle(guide::GuideEvent{action.guide_event, m_guide.runner().showing(), action.choice, {}},
                       web::now_ms());
        return;
    case Kind::ShowGuideOnPage:
        m_guide.show_on_page();
        web::request_close(web::AfterClose::KeepFocus);
        return;
    case Kind::ReportProblem:
        // A report sent earlier leaves its confirmation; a new one starts empty.
        if (m_report.sent)
            m_report = {};
        navigate({ViewKind::ReportProblem, 0});
        return;
    case Kind::SendProblemReport:
        send_problem_report();
        return;
    case Kind::FinishProblemReport:
        m_report = {};
        m_views.to_home();
        m_focus_view = true;
        return;
    }
}

void WidgetApp::open_chat() {
    navigate({ViewKind::Chat, 0});
    m_chat_draft.focus_box = true;
    update_chat_watching();
}

void WidgetApp::update_chat_watching() {
    m_chat.set_watching(m_open && m_views.top().kind == ViewKind::Chat);
}

void WidgetApp::apply_chat(const ViewAction& action) {
    using Kind = ViewAction::Kind;
    switch (action.kind) {
    case Kind::SendChat: {
        if (chat::trim(m_chat_draft.text).empty())
            return;
        const std::string locale =
            m_content.locale().empty() ? web::config_string("locale", "en") : m_content.locale();
        // Card numbers, IBANs and passwords never leave the browser (the shopper is told below the box).
        std::string text = m_chat_draft.text;
        const bool masked = context::mask_secrets_in(text);
        if (auto sent = m_chat.send(text, locale, page_context(), m_journey.steps()); !sent) {
            m_chat_draft.error = sent.error().code == "chat.message.too_long"
                                     ? tr("This message is too long. Split it into shorter ones.")
                                     : tr("This message cannot be sent.");
            return;
        }
        m_chat_draft.text.clear();
        m_chat_draft.error.clear();
        m_chat_draft.masked = masked;
        return;
    }
    case Kind::ChatTyping:
        m_chat.typing();
        return;
    case Kind::RetryChatMessage:
        m_chat.retry(action.href);
        return;
    case Kind::ChatAnswerHelped:
        // The bot's article helped: that counts as "Yes" to the article itself.
        if (action.article < m_content.size())
            answer_helpful(action.article, HelpfulAnswer::Yes);
        return;
    case Kind::ChatAnswerDidNotHelp:
        m_chat.hand_off(chat::HandoffReason::NotHelpful);
        return;
    case Kind::TalkToPerson:
        m_chat.hand_off(chat::HandoffReason::ShopperAsked);
        return;
    case Kind::LeaveReplyEmail:
        m_chat_draft.email_invalid = !m_chat.leave_reply_email(m_chat_draft.email);
        return;
    case Kind::RateChat: {
        if (m_chat_draft.score < 1) {
            m_chat_draft.score_missing = true;
            return;
        }
        if (!m_chat.rate(m_chat_draft.score, m_chat_draft.csat_comment))
            return;
        // Through the outbox, like every feedback: kept until the server has it.
        protocol::FeedbackSubmission rating;
        rating.kind = protocol::FeedbackKind::ChatCsat;
        rating.subject = m_chat.id();
        rating.score = m_chat_draft.score;
        rating.comment = std::string(chat::trim(m_chat_draft.csat_comment));
        send_feedback(std::move(rating));
        return;
    }
    case Kind::StartNewChat:
        m_chat.start_over();
        m_chat_draft = {};
        m_chat_draft.focus_box = true;
        return;
    default:
        return;
    }
}

void WidgetApp::draw_back_button() {
    if (!m_views.can_go_back())
        return;
    // A view opened above Home: focus goes to Back, the first control after the search field.
    if (m_focus_view) {
        ui::current_context().focus_next_control();
        m_focus_view = false;
    }
    if (ui::button(tr("Back"), {.style = ui::ButtonStyle::Quiet, .icon = ui::ButtonIcon::Back})) {
        send_pending_no(false);
        m_views.pop();
        m_focus_view = true;
        update_chat_watching();
    }
}

void WidgetApp::draw_view() {
    // Back at Home: focus goes to its first control (the first result). A view above Home gets it
    // on Back, next frame.
    if (m_focus_view && !m_views.can_go_back()) {
        ui::current_context().focus_next_control();
        m_focus_view = false;
    }

    const ViewEntry view = m_views.top();
    ViewAction action;
    switch (view.kind) {
    case ViewKind::Home:
        action = draw_home_view(m_content, m_search, m_search_query);
        break;
    case ViewKind::Article:
        action =
            draw_article_view(view.article, m_content.article(view.article), m_content.body(view.article),
                              m_answers.answer_for(m_content.article(view.article).id), m_comment);
        break;
    case ViewKind::Contact:
        action = draw_contact_view(m_content);
        break;
    case ViewKind::Guide:
        action = draw_guide_view(m_guide, m_content);
        break;
    case ViewKind::ReportProblem:
        action = draw_report_problem_view(m_report);
        break;
    case ViewKind::Chat:
        action = draw_chat_view(m_chat, m_chat_draft, m_content);
        break;
    }
    apply(action);
}

void WidgetApp::draw() {
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false))
        web::request_close();
    if (!words_ready())
        return;
    send_search_miss(m_unanswered.poll(web::now_ms()));

    draw_header();
    claim_focus_if(FocusAfterOpen::SearchField);
    const std::string search_placeholder = tr("Search for help");
    if (ui::text_field(tr("Search help articles"), m_search_query,
                       {.kind = ui::TextFieldKind::Search, .placeholder = search_placeholder.c_str()}))
        query_changed();

    draw_back_button();

    // The view scrolls under the header, the search field and Back, which stay in place.
    ui::begin_scrolling_child("##view");
    draw_view();
    ui::end_scrolling_child();
    publish_session();
}

std::string WidgetApp::debug_state_json() const {
    nlohmann::json results = nlohmann::json::array();
    // The words drawn highlighted, in titles and snippets, for troubleshooting what matched.
    nlohmann::json highlights = nlohmann::json::array();
    for (const ShownResult& result : m_search.results()) {
        results.push_back(m_content.article(result.article).id);
        const std::string& title = m_content.article(result.article).title;
        for (const ui::TextRange& range : result.title_highlights)
            highlights.push_back(title.substr(range.begin, range.end - range.begin));
        for (const ui::TextRange& range : result.snippet_highlights)
            highlights.push_back(result.snippet.substr(range.begin, range.end - range.begin));
    }
    nlohmann::json suggestions = nlohmann::json::array();
    for (const std::uint32_t index : m_search.suggestions())
        suggestions.push_back(m_content.article(index).id);
    const char* content = m_content.state() == ContentState::Ready    ? "ready"
                          : m_content.state() == ContentState::Failed ? "failed"
                                                                      : "loading";
    nlohmann::json state = {
        {"search", m_search_query},
        {"title", m_title},
        {"view", view_name(m_views.top().kind)},
        {"content", content},
        {"locale", m_content.locale()},
        {"articles", m_content.size()},
        {"results", std::move(results)},
        {"highlights", std::move(highlights)},
        {"suggestions", std::move(suggestions)},
        {"page", m_page.path},
        {"product", {{"sku", m_page.product_sku}, {"categories", m_page.categories}}},
        {"unansweredSearches", m_search_misses},
        {"session",
         {{"tab", m_session.tab()}, {"received", m_session.received()}, {"clock", m_session.state().clock}}},
    };
    if (m_views.top().kind == ViewKind::Article)
        state["article"] = m_content.article(m_views.top().article).id;
    state["chat"] = m_chat.debug_json();
    nlohmann::json guides = nlohmann::json::array();
    for (const std::uint32_t index : m_search.guides())
        guides.push_back(m_content.guides()[index].id);
    state["guides"] = std::move(guides);
    nlohmann::json guide_results = nlohmann::json::array();
    for (const std::uint32_t index : m_search.guide_results())
        guide_results.push_back(m_content.guides()[index].id);
    state["guideResults"] = std::move(guide_results);
    if (const guide::GuideRunner& runner = m_guide.runner(); runner.running()) {
        state["guide"] = {{"id", runner.guide().id},
                          {"step", runner.step().id},
                          {"position", runner.position()},
                          {"total", runner.total()},
                          {"target", m_guide.target_state_name()},
                          {"showing", runner.showing()}};
    } else if (const auto& outcome = m_guide.last_outcome()) {
        state["guide"] = {{"id", outcome->guide_id},
                          {"step", outcome->step_id},
                          {"outcome", guide::outcome_kind_name(outcome->kind)}};
    }
    // The lines of text and the focus rings the last frame drew, where, and the lines' direction
    // (tests compare them with the browser's rendering of the same words and with DOM focus).
    nlohmann::json lines = nlohmann::json::array();
    for (const ui::DrawnTextLine& line : ui::current_context().text_lines())
        lines.push_back({{"text", line.text},
                         {"rect", {line.rect.x, line.rect.y, line.rect.w, line.rect.h}},
                         {"clip", {line.clip.x, line.clip.y, line.clip.w, line.clip.h}},
                         {"fontSize", line.font_size},
                         {"rtl", line.right_to_left},
                         {"plain", line.plain}});
    state["textLines"] = std::move(lines);
    nlohmann::json rings = nlohmann::json::array();
    for (const ui::DrawnFocusRing& ring : ui::current_context().focus_rings())
        rings.push_back({{"id", ring.id}, {"rect", {ring.rect.x, ring.rect.y, ring.rect.w, ring.rect.h}}});
    state["focusRings"] = std::move(rings);
    state["rtl"] = ui::current_context().right_to_left();
    return state.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace support::widget
