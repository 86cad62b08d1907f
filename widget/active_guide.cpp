#include "widget/active_guide.h"

#include "widget/help_content.h"
#include "widget/widget_words.h"

#include <cstdio>

namespace support::widget {

namespace {

// The same place on the shopper's way (the times aside).
bool same_place(const guide::GuideProgress& a, const guide::GuideProgress& b) {
    return a.guide_id == b.guide_id && a.locale == b.locale && a.step_id == b.step_id &&
           a.history == b.history;
}

const char* state_name(guide::TargetState state) {
    switch (state) {
    case guide::TargetState::None:
        return "none";
    case guide::TargetState::Searching:
        return "searching";
    case guide::TargetState::Found:
        return "found";
    case guide::TargetState::Missing:
        return "missing";
    case guide::TargetState::OtherPage:
        return "other-page";
    }
    return "none";
}

void warn(const char* what, const Error& error) {
    std::fprintf(stderr, "support widget: %s: %s: %s\n", what, error.code.c_str(), error.message.c_str());
}

} // namespace

bool ActiveGuide::load_saved() {
    m_saved = m_session.state().guide.value;
    return m_saved.has_value();
}

void ActiveGuide::resume_saved(const HelpContent& content, std::string_view path, std::int64_t now_ms) {
    if (!m_saved || m_runner.running())
        return;
    const guide::GuideProgress saved = std::move(*m_saved);
    m_saved.reset();
    const guide::Guide* found = content.find_guide(saved.guide_id);
    if (!found) {
        warn("the guide in progress is no longer offered",
             make_error("guide.progress.unknown_guide", "no guide '" + saved.guide_id + "' in this locale",
                        "guide"));
        forget_progress();
        return;
    }
    auto resumed = m_runner.resume(*found, saved, path, now_ms);
    if (!resumed) {
        warn("the guide in progress changed and is not continued", resumed.error());
        forget_progress();
        return;
    }
    apply(*resumed);
}

void ActiveGuide::start(const guide::Guide& guide, std::string_view path, std::int64_t now_ms) {
    m_saved.reset();
    m_last_outcome.reset();
    apply(m_runner.start(guide, path, now_ms));
}

void ActiveGuide::follow(const std::optional<guide::GuideProgress>& progress, const HelpContent& content,
                         std::string_view path, std::int64_t now_ms) {
    if (!progress) {
        m_saved.reset();
        if (!m_runner.running())
            return;
        m_runner = guide::GuideRunner();
        m_runner.set_words(m_words);
        web::hide_guide_overlay("");
        return;
    }
    if (m_runner.running() && same_place(m_runner.progress(), *progress))
        return;
    const guide::Guide* found = content.find_guide(progress->guide_id);
    if (!found) {
        m_saved = progress; // the content is not here yet: resumed when it is
        return;
    }
    auto resumed = m_runner.resume(*found, *progress, path, now_ms);
    if (!resumed)
        return; // that tab's guide is not this tab's content (another deployment): left alone
    m_following = true;
    resumed->move_focus = false;
    resumed->announcement.clear();
    apply(*resumed);
    m_following = false;
}

void ActiveGuide::handle(const guide::GuideEvent& event, std::int64_t now_ms) {
    apply(m_runner.handle(event, now_ms));
}

void ActiveGuide::apply(const guide::GuideUpdate& update) {
    if (update.outcome && !m_following) {
        m_last_outcome = update.outcome;
        if (m_on_outcome)
            m_on_outcome(*update.outcome);
    }
    if (update.hide) {
        forget_progress();
        web::hide_guide_overlay(update.announcement);
        return;
    }
    if (update.changed && m_runner.running())
        save_progress();
    if (update.show || update.refresh)
        show(update.move_focus, update.announcement);
}

void ActiveGuide::show(bool focus, const std::string& announcement) {
    const guide::GuideStep& step = m_runner.step();
    web::GuideOverlayStep view;
    view.showing = m_runner.showing();
    view.guide_title = m_runner.guide().title;
    view.locale = m_runner.guide().locale;
    view.count = m_runner.count_text();
    view.position = m_runner.position();
    view.total = m_runner.total();
    view.title = step.title;
    view.body = step.body;
    view.targets = step.target;
    view.placement = guide::placement_name(step.placement);
    view.wait_ms = step.wait_ms != 0 ? step.wait_ms : guide::k_default_wait_ms;
    view.state = state_name(m_runner.target_state());
    view.watch_click = step.advance.kind == guide::AdvanceKind::TargetClicked;
    if (step.advance.kind == guide::AdvanceKind::FieldFilled)
        view.watch_fill = step.advance.selectors.empty() ? step.target : step.advance.selectors;
    if (step.advance.kind == guide::AdvanceKind::ElementVisible)
        view.watch_visible = step.advance.selectors;
    view.can_go_back = m_runner.can_go_back();
    view.next_label = next_label();
    for (const guide::Branch& branch : step.branches)
        view.choices.push_back(branch.label);
    view.other_page_text = other_page_text();
    view.other_page_href = other_page_href();
    view.announcement = announcement;
    view.focus = focus;
    view.text = {tr("Exit guide"),
                 tr("Back"),
                 tr("Skip this step"),
                 tr("End guide"),
                 tr("I can't find this on the page."),
                 tr("Go to that page"),
                 tr("Guide progress")};
    web::show_guide_step(view);
}

void ActiveGuide::show_on_page() {
    if (m_runner.running())
        show(/*focus=*/true, "");
}

const char* ActiveGuide::target_state_name() const {
    return state_name(m_runner.target_state());
}

std::string ActiveGuide::next_label() const {
    if (!m_runner.step().branches.empty())
        return {};
    return m_runner.at_last_step() ? tr("Done") : tr("Next");
}

std::string ActiveGuide::other_page_text() const {
    return other_page_href().empty()
               ? tr("This step is on another page of the shop. The guide waits for you there.")
               : tr("This step is on another page. The guide waits for you there.");
}

std::string ActiveGuide::other_page_href() const {
    const std::string& page = m_runner.step().page;
    return page.find('*') == std::string::npos ? page : std::string();
}

void ActiveGuide::save_progress() {
    if (!m_following)
        m_session.set_guide(m_runner.progress());
}

void ActiveGuide::forget_progress() {
    if (!m_following)
        m_session.set_guide(std::nullopt);
}

} // namespace support::widget
