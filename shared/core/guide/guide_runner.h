#pragma once
// Runs one guide: a pure state machine. Events come in — the shopper's Next, Back, Exit and
// answers, and what the page saw (the target found or not, clicked, a field filled, an element
// shown, the path changed) — and each returns a GuideUpdate saying what the caller must do: save
// the progress, show the step on the page afresh, re-draw it, remove the overlay, announce a
// sentence, record an outcome. No clocks, storage or DOM here: the caller passes the time and does
// the effects, so every path is unit-tested natively.
//
//   GuideRunner runner;
//   apply(runner.start(guide, "/cart.html", now));            // step 1 is shown, showing id 1
//   apply(runner.handle({GuideEventKind::FieldFilled, runner.showing()}, now)); // → step 2
//
// Every event but a path change carries the showing id it is about; one about an earlier showing
// (the page was slow, the shopper pressed Next meanwhile, an old callout's button) is ignored, so a
// late click never skips a step.

#include "shared/core/guide/guide.h"
#include "shared/core/guide/guide_progress.h"
#include "shared/core/i18n/number_digits.h"
#include "shared/core/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace support::guide {

enum class GuideStatus : std::uint8_t { Idle, Running, Completed, Abandoned };

// Where the current step's target is, as far as the page has said.
enum class TargetState : std::uint8_t {
    None,      // the step points at nothing: its callout sits in the middle of the page
    Searching, // being looked for (up to the step's wait time; late elements are awaited)
    Found,
    Missing,   // not found in time: "I can't find this on the page", with Skip and End
    OtherPage, // the step is on another page: it waits until the shopper gets there
};

enum class GuideEventKind : std::uint8_t {
    // From the shopper, in the callout or the panel.
    Next,
    Back,
    Exit,
    Choose, // an answer of a question step: `choice`
    Skip,   // the target cannot be found: go on without it
    // From the page, about one showing of a step.
    TargetFound,
    TargetMissing,
    TargetClicked,
    FieldFilled,
    ElementVisible,
    // The page's path: a load or an in-page navigation (`path`).
    PageChanged,
};

struct GuideEvent {
    GuideEventKind kind = GuideEventKind::Next;
    std::uint32_t showing = 0; // the showing it is about (runner.showing() for the panel's buttons)
    std::size_t choice = 0;    // Choose
    std::string path;          // PageChanged
};

enum class OutcomeKind : std::uint8_t { Completed, Abandoned };

// What the feedback outbox sends: completed, or abandoned at step N.
struct GuideOutcome {
    std::string guide_id;
    std::string locale;
    OutcomeKind kind = OutcomeKind::Completed;
    std::string step_id;         // the last step seen
    std::size_t step_number = 0; // its position on the shopper's way (1-based)
    std::int64_t at_ms = 0;
};

// "completed", "abandoned": as stored and sent.
const char* outcome_kind_name(OutcomeKind kind);
bool parse_outcome_kind(std::string_view name, OutcomeKind& out);

struct GuideUpdate {
    bool changed = false;     // the state changed: save the progress and draw again
    bool show = false;        // show the current step on the page afresh (a new showing)
    bool refresh = false;     // the same showing, drawn again (target state, labels)
    bool hide = false;        // the guide ended: remove every overlay element
    bool move_focus = false;  // the shopper moved the guide: focus goes to the new step
    std::string announcement; // for screen readers: "Step 2 of 3: Press Apply"
    std::optional<GuideOutcome> outcome;
};

// The runner's own words, for screen readers and the step count, in the shopper's language (the
// app fills them from its catalogue). {position}, {total} and {title} are filled in.
struct GuideWords {
    std::string step_count = "Step {position} of {total}";
    std::string not_found = "I can't find this on the page. You can skip this step or end the guide.";
    std::string complete = "Guide complete: {title}";
    std::string ended = "Guide ended: {title}";
    i18n::NumberDigits digits = i18n::NumberDigits::Latin; // of {position} and {total}
};

// Progress older than this is not resumed: the shopper has moved on (recorded as abandoned).
inline constexpr std::int64_t k_progress_expiry_ms = 24 * 60 * 60 * 1000;

class GuideRunner {
  public:
    // Starts `guide` at its first step on the page at `path`. A guide still running is abandoned
    // first (its outcome is in the update).
    GuideUpdate start(Guide guide, std::string_view path, std::int64_t now_ms);
    // Continues from saved progress (a reload, another page). Progress older than
    // k_progress_expiry_ms ends as abandoned. Errors, when the content changed under it:
    //   guide.progress.wrong_guide   the progress is for another guide
    //   guide.progress.unknown_step  its step is no longer in the guide
    Result<GuideUpdate> resume(Guide guide, const GuideProgress& progress, std::string_view path,
                               std::int64_t now_ms);
    GuideUpdate handle(const GuideEvent& event, std::int64_t now_ms);
    void set_words(GuideWords words) { m_words = std::move(words); }

    GuideStatus status() const { return m_status; }
    bool running() const { return m_status == GuideStatus::Running; }
    const Guide& guide() const { return m_guide; }
    const GuideStep& step() const { return m_guide.steps[m_step]; }
    std::size_t step_index() const { return m_step; }
    TargetState target_state() const { return m_target; }
    std::uint32_t showing() const { return m_showing; }
    // "Step N of M": N counts the steps on the shopper's way so far, M adds the longest way left.
    std::size_t position() const { return m_history.size() + 1; }
    std::size_t total() const;
    std::string count_text() const; // "Step 2 of 3"
    bool can_go_back() const { return running() && !m_history.empty(); }
    // The current step is the last on its way: its Next says Done.
    bool at_last_step() const;
    // What to save; meaningful while running.
    GuideProgress progress() const;

  private:
    // What entering a step does to the way behind it: Back pops it (Forget), moving on adds to it.
    enum class History : std::uint8_t { Restart, Remember, Forget };
    GuideUpdate enter(std::size_t step, History history, bool by_shopper, std::int64_t now_ms);
    GuideUpdate advance(bool by_shopper, std::int64_t now_ms);
    GuideUpdate go_to(std::optional<std::size_t> next, bool by_shopper, std::int64_t now_ms);
    bool waits_for_current_page() const;
    GuideUpdate finish(OutcomeKind kind, std::int64_t now_ms);
    GuideUpdate page_changed(std::string_view path, std::int64_t now_ms);
    TargetState initial_target_state() const;
    bool on_step_page() const;
    std::string step_announcement() const;

    Guide m_guide;
    GuideWords m_words;
    GuideStatus m_status = GuideStatus::Idle;
    std::size_t m_step = 0;
    std::vector<std::size_t> m_history; // steps before this one, for Back
    TargetState m_target = TargetState::None;
    std::uint32_t m_showing = 0;
    std::string m_path;
    std::int64_t m_started_ms = 0;
    std::int64_t m_updated_ms = 0;
};

} // namespace support::guide
