#include "shared/core/guide/guide_runner.h"

#include "shared/core/guide/guide_graph.h"
#include "shared/core/i18n/placeholders.h"
#include "shared/core/search/page_match.h"

namespace support::guide {

GuideUpdate GuideRunner::start(Guide guide, std::string_view path, std::int64_t now_ms) {
    GuideUpdate update;
    if (running())
        update = finish(OutcomeKind::Abandoned, now_ms);
    if (guide.steps.empty())
        return update; // validation never lets such a guide through; nothing to run
    m_guide = std::move(guide);
    m_status = GuideStatus::Running;
    m_path = std::string(path);
    m_started_ms = now_ms;
    std::optional<GuideOutcome> replaced = std::move(update.outcome);
    update = enter(0, History::Restart, /*by_shopper=*/true, now_ms);
    // Starting on the page a first "go to this page" step asks for moves straight on.
    if (waits_for_current_page())
        update = advance(/*by_shopper=*/true, now_ms);
    update.outcome = std::move(replaced);
    return update;
}

Result<GuideUpdate> GuideRunner::resume(Guide guide, const GuideProgress& progress, std::string_view path,
                                        std::int64_t now_ms) {
    if (progress.guide_id != guide.id)
        return make_error("guide.progress.wrong_guide",
                          "saved progress is for guide '" + progress.guide_id + "', not '" + guide.id + "'",
                          "guide");
    const auto step = find_step(guide, progress.step_id);
    if (!step)
        return make_error("guide.progress.unknown_step",
                          "guide '" + guide.id + "' no longer has the step '" + progress.step_id + "'",
                          "step");
    m_guide = std::move(guide);
    m_status = GuideStatus::Running;
    m_step = *step;
    m_history.clear();
    for (const std::string& id : progress.history)
        if (const auto earlier = find_step(m_guide, id))
            m_history.push_back(*earlier);
    m_path = std::string(path);
    m_started_ms = progress.started_ms;
    m_updated_ms = progress.updated_ms;
    if (now_ms - progress.updated_ms > k_progress_expiry_ms)
        return finish(OutcomeKind::Abandoned, now_ms);

    GuideUpdate update;
    m_target = initial_target_state();
    ++m_showing;
    update.show = true;
    update.announcement = step_announcement();
    // The page that just loaded may be the one this step waits for.
    GuideUpdate moved = page_changed(path, now_ms);
    if (moved.changed)
        return moved;
    return update;
}

GuideUpdate GuideRunner::handle(const GuideEvent& event, std::int64_t now_ms) {
    if (!running())
        return {};
    // Every event but a path change is about one showing of a step: a button of a callout the
    // shopper saw before it changed, or a click the page saw then, is ignored.
    if (event.kind != GuideEventKind::PageChanged && event.showing != m_showing)
        return {};
    const AdvanceKind kind = step().advance.kind;
    switch (event.kind) {
    case GuideEventKind::Next:
    case GuideEventKind::Skip:
        if (!step().branches.empty())
            return {}; // a question is answered, not skipped
        return advance(/*by_shopper=*/true, now_ms);
    case GuideEventKind::Back: {
        if (m_history.empty())
            return {};
        const std::size_t previous = m_history.back();
        m_history.pop_back();
        return enter(previous, History::Forget, /*by_shopper=*/true, now_ms);
    }
    case GuideEventKind::Exit:
        return finish(OutcomeKind::Abandoned, now_ms);
    case GuideEventKind::Choose: {
        if (event.choice >= step().branches.size())
            return {};
        const auto next = resolve_step(m_guide, step().branches[event.choice].next);
        return next ? go_to(next, /*by_shopper=*/true, now_ms) : GuideUpdate{};
    }
    case GuideEventKind::TargetFound:
    case GuideEventKind::TargetMissing: {
        const TargetState seen =
            event.kind == GuideEventKind::TargetFound ? TargetState::Found : TargetState::Missing;
        if (m_target == seen || m_target == TargetState::None || m_target == TargetState::OtherPage)
            return {};
        m_target = seen;
        GuideUpdate update;
        update.changed = true;
        update.refresh = true;
        if (seen == TargetState::Missing)
            update.announcement = m_words.not_found;
        return update;
    }
    case GuideEventKind::TargetClicked:
        return kind == AdvanceKind::TargetClicked ? advance(false, now_ms) : GuideUpdate{};
    case GuideEventKind::FieldFilled:
        return kind == AdvanceKind::FieldFilled ? advance(false, now_ms) : GuideUpdate{};
    case GuideEventKind::ElementVisible:
        return kind == AdvanceKind::ElementVisible ? advance(false, now_ms) : GuideUpdate{};
    case GuideEventKind::PageChanged:
        return page_changed(event.path, now_ms);
    }
    return {};
}

GuideUpdate GuideRunner::page_changed(std::string_view path, std::int64_t now_ms) {
    if (!running())
        return {};
    m_path = std::string(path);
    if (waits_for_current_page())
        return advance(/*by_shopper=*/false, now_ms);
    // Arriving on (or leaving) the step's page: look for its target afresh, or wait.
    const bool waiting = m_target == TargetState::OtherPage;
    if (step().page.empty() || waiting == !on_step_page())
        return {};
    GuideUpdate update;
    m_target = initial_target_state();
    ++m_showing;
    update.changed = true;
    update.show = true;
    update.announcement = step_announcement();
    return update;
}

GuideUpdate GuideRunner::enter(std::size_t step, History history, bool by_shopper, std::int64_t now_ms) {
    if (history == History::Restart)
        m_history.clear();
    if (history == History::Remember) {
        m_history.push_back(m_step);
        // A guide that loops keeps the most recent steps for Back, within what progress can save.
        if (m_history.size() > k_max_progress_history)
            m_history.erase(m_history.begin());
    }
    m_step = step;
    m_target = initial_target_state();
    m_updated_ms = now_ms;
    ++m_showing;
    GuideUpdate update;
    update.changed = true;
    update.show = true;
    update.move_focus = by_shopper;
    update.announcement = step_announcement();
    return update;
}

GuideUpdate GuideRunner::advance(bool by_shopper, std::int64_t now_ms) {
    return go_to(step_after(m_guide, m_step), by_shopper, now_ms);
}

GuideUpdate GuideRunner::go_to(std::optional<std::size_t> next, bool by_shopper, std::int64_t now_ms) {
    GuideUpdate update;
    // A step that asks for the page the shopper is already on is done at once. Bounded, so steps
    // that all wait for this page in a loop cannot spin.
    for (std::size_t moves = 0; moves <= m_guide.steps.size(); ++moves) {
        if (!next || *next == k_finished)
            return finish(OutcomeKind::Completed, now_ms);
        update = enter(*next, History::Remember, by_shopper, now_ms);
        if (!waits_for_current_page())
            return update;
        next = step_after(m_guide, m_step);
    }
    return update;
}

bool GuideRunner::waits_for_current_page() const {
    return step().advance.kind == AdvanceKind::UrlReached &&
           search::page_pattern_matches(step().advance.page, m_path);
}

GuideUpdate GuideRunner::finish(OutcomeKind kind, std::int64_t now_ms) {
    GuideUpdate update;
    update.changed = true;
    update.hide = true;
    update.outcome = GuideOutcome{m_guide.id, m_guide.locale, kind, step().id, position(), now_ms};
    update.announcement = i18n::fill_placeholders(
        kind == OutcomeKind::Completed ? m_words.complete : m_words.ended, {{"title", m_guide.title}});
    m_status = kind == OutcomeKind::Completed ? GuideStatus::Completed : GuideStatus::Abandoned;
    m_target = TargetState::None;
    m_updated_ms = now_ms;
    return update;
}

bool GuideRunner::on_step_page() const {
    return step().page.empty() || search::page_pattern_matches(step().page, m_path);
}

TargetState GuideRunner::initial_target_state() const {
    if (!on_step_page())
        return TargetState::OtherPage;
    return step().target.empty() ? TargetState::None : TargetState::Searching;
}

std::size_t GuideRunner::total() const {
    if (m_guide.steps.empty())
        return 0;
    return m_history.size() + steps_to_finish(m_guide, m_step);
}

bool GuideRunner::at_last_step() const {
    if (!step().branches.empty())
        return false;
    const auto next = step_after(m_guide, m_step);
    return !next || *next == k_finished;
}

GuideProgress GuideRunner::progress() const {
    GuideProgress progress;
    progress.guide_id = m_guide.id;
    progress.locale = m_guide.locale;
    if (!m_guide.steps.empty())
        progress.step_id = step().id;
    for (const std::size_t earlier : m_history)
        progress.history.push_back(m_guide.steps[earlier].id);
    progress.started_ms = m_started_ms;
    progress.updated_ms = m_updated_ms;
    return progress;
}

std::string GuideRunner::count_text() const {
    return i18n::fill_placeholders(m_words.step_count,
                                   {{"position", i18n::format_integer(position(), m_words.digits)},
                                    {"total", i18n::format_integer(total(), m_words.digits)}});
}

std::string GuideRunner::step_announcement() const {
    return count_text() + ": " + step().title;
}

const char* outcome_kind_name(OutcomeKind kind) {
    return kind == OutcomeKind::Completed ? "completed" : "abandoned";
}

bool parse_outcome_kind(std::string_view name, OutcomeKind& out) {
    for (const OutcomeKind kind : {OutcomeKind::Completed, OutcomeKind::Abandoned}) {
        if (name == outcome_kind_name(kind)) {
            out = kind;
            return true;
        }
    }
    return false;
}

} // namespace support::guide
