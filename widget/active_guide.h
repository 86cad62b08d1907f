#pragma once
// The guide the shopper is following: the engine (guide::GuideRunner) wired to the page overlay,
// to the session (its progress, so a reload, the next page or another tab continues at the same
// step) and to the app, which sends how each guide ended as feedback. The panel's guide view reads it and
// sends the shopper's buttons here; the page overlay's events arrive here too, with the panel open or closed.
//
// The loader imports the core on every page load while the session has a guide, so a guide
// survives navigation without the shopper opening the panel.

#include "shared/core/guide/guide_runner.h"
#include "shared/web/guide_overlay.h"
#include "widget/session_sync.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace support::widget {

class HelpContent;

class ActiveGuide {
  public:
    explicit ActiveGuide(SessionSync& session) : m_session(session) {}

    // Called when a guide ends, completed or abandoned (the app sends it as feedback).
    void set_outcome_handler(std::function<void(const guide::GuideOutcome&)> handler) {
        m_on_outcome = std::move(handler);
    }

    // Reads saved progress; true when a guide was in progress.
    bool load_saved();
    // Once the content is ready: continues the saved guide on this page if it still exists (else
    // forgets it, with one console warning).
    void resume_saved(const HelpContent& content, std::string_view path, std::int64_t now_ms);

    void start(const guide::Guide& guide, std::string_view path, std::int64_t now_ms);
    // Another tab moved the guide (a step on, back, ended or started one): this tab shows the same,
    // without announcing or sending anything (that tab did). nullopt: the guide ended there.
    void follow(const std::optional<guide::GuideProgress>& progress, const HelpContent& content,
                std::string_view path, std::int64_t now_ms);
    // The shopper's buttons (panel or callout) and what the page saw.
    void handle(const guide::GuideEvent& event, std::int64_t now_ms);

    // The step again, with keyboard focus in its callout ("Show me on the page").
    void show_on_page();

    const guide::GuideRunner& runner() const { return m_runner; }
    // The engine's own words (step count, announcements) in the widget's language.
    void use_words(guide::GuideWords words) {
        m_words = words;
        m_runner.set_words(std::move(words));
    }
    bool running() const { return m_runner.running(); }
    // How the last guide of this visit ended, for the panel to say so.
    const std::optional<guide::GuideOutcome>& last_outcome() const { return m_last_outcome; }

    // The words shoppers see for the engine's states, shared by the panel and the callout.
    std::string next_label() const; // "Next", "Done"; empty on a question
    std::string other_page_text() const;
    std::string other_page_href() const;   // the step's page when it is one page (no '*')
    const char* target_state_name() const; // "searching", "found", "missing", "other-page", "none"

  private:
    void apply(const guide::GuideUpdate& update);
    void show(bool focus, const std::string& announcement);
    void save_progress();
    void forget_progress();

    SessionSync& m_session;
    guide::GuideRunner m_runner;
    guide::GuideWords m_words;
    bool m_following = false; // applying another tab's move: nothing is saved or sent back
    std::optional<guide::GuideProgress> m_saved;
    std::optional<guide::GuideOutcome> m_last_outcome;
    std::function<void(const guide::GuideOutcome&)> m_on_outcome;
};

} // namespace support::widget
