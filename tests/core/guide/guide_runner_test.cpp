// The guide engine as a shopper goes through it: every way a step advances, questions, Back, Exit,
// targets that are missing or on another page, and resuming from saved progress.
#include "catch_amalgamated.hpp"

#include "guide_test_guides.h"
#include "shared/core/guide/guide_runner.h"

using namespace support::guide;
using namespace support::guide::testing;

namespace {

constexpr std::int64_t k_now = 1'764'800'000'000;

GuideEvent event(GuideEventKind kind, std::uint32_t showing = 0) {
    return GuideEvent{kind, showing, 0, {}};
}

GuideEvent page(std::string path) {
    return GuideEvent{GuideEventKind::PageChanged, 0, 0, std::move(path)};
}

// The shopper pressing a button of the step shown now (the callout and the panel pass its showing).
GuideEvent press(const GuideRunner& runner, GuideEventKind kind) {
    return GuideEvent{kind, runner.showing(), 0, {}};
}

GuideEvent choose(const GuideRunner& runner, std::size_t choice) {
    return GuideEvent{GuideEventKind::Choose, runner.showing(), choice, {}};
}

} // namespace

TEST_CASE("starting a guide shows its first step, focused and announced with its place") {
    GuideRunner runner;
    const GuideUpdate update = runner.start(coupon_guide(), "/cart.html", k_now);
    CHECK(runner.running());
    CHECK(runner.step().id == "code");
    CHECK(runner.position() == 1);
    CHECK(runner.total() == 3);
    CHECK(runner.target_state() == TargetState::Searching);
    CHECK(update.changed);
    CHECK(update.show);
    CHECK(update.move_focus);
    CHECK_FALSE(update.hide);
    CHECK_FALSE(update.outcome);
    CHECK(update.announcement == "Step 1 of 3: Title of code");
    CHECK_FALSE(runner.can_go_back());
}

TEST_CASE("the step count is written in the shopper's words and digits") {
    GuideRunner runner;
    runner.set_words({.step_count = "مرحله {position} از {total}",
                      .digits = support::i18n::NumberDigits::ExtendedArabicIndic});
    const GuideUpdate update = runner.start(coupon_guide(), "/cart.html", k_now);
    CHECK(update.announcement == "مرحله ۱ از ۳: Title of code");
}

TEST_CASE("field_filled and target_clicked steps advance on what the page reports, without moving focus") {
    GuideRunner runner;
    (void)runner.start(coupon_guide(), "/cart.html", k_now);
    const std::uint32_t first = runner.showing();

    // A click is not what the first step waits for.
    CHECK_FALSE(runner.handle(event(GuideEventKind::TargetClicked, first), k_now).changed);
    CHECK(runner.step().id == "code");

    const GuideUpdate filled = runner.handle(event(GuideEventKind::FieldFilled, first), k_now + 1);
    CHECK(filled.show);
    CHECK_FALSE(filled.move_focus); // the shopper is typing on the page: focus stays there
    CHECK(runner.step().id == "apply");
    CHECK(runner.position() == 2);
    CHECK(runner.showing() != first);

    const GuideUpdate clicked =
        runner.handle(event(GuideEventKind::TargetClicked, runner.showing()), k_now + 2);
    CHECK(clicked.show);
    CHECK(runner.step().id == "check");
    CHECK(runner.at_last_step());
}

TEST_CASE("an event about an earlier showing of a step is ignored") {
    GuideRunner runner;
    (void)runner.start(coupon_guide(), "/cart.html", k_now);
    const std::uint32_t stale = runner.showing();
    (void)runner.handle(press(runner, GuideEventKind::Next), k_now);
    REQUIRE(runner.step().id == "apply");
    // The page reports a click it saw while step 1 was showing: step 2 must not be skipped.
    CHECK_FALSE(runner.handle(event(GuideEventKind::TargetClicked, stale), k_now).changed);
    CHECK(runner.step().id == "apply");
    CHECK_FALSE(runner.handle(event(GuideEventKind::TargetMissing, stale), k_now).changed);
    CHECK(runner.target_state() == TargetState::Searching);
    // Next pressed in the callout of step 1 after step 2 replaced it is not a second Next.
    CHECK_FALSE(runner.handle(event(GuideEventKind::Next, stale), k_now).changed);
    CHECK(runner.step().id == "apply");
}

TEST_CASE("element_visible advances when the element appears") {
    Guide guide = coupon_guide();
    guide.steps[2].advance.kind = AdvanceKind::ElementVisible;
    guide.steps[2].advance.selectors = {"#coupon-status"};
    GuideRunner runner;
    (void)runner.start(guide, "/cart.html", k_now);
    (void)runner.handle(press(runner, GuideEventKind::Next), k_now);
    (void)runner.handle(press(runner, GuideEventKind::Next), k_now);
    REQUIRE(runner.step().id == "check");
    const GuideUpdate update =
        runner.handle(event(GuideEventKind::ElementVisible, runner.showing()), k_now + 5);
    CHECK(runner.status() == GuideStatus::Completed);
    REQUIRE(update.outcome);
    CHECK(update.outcome->kind == OutcomeKind::Completed);
}

TEST_CASE("Next on the last step completes the guide and records it") {
    GuideRunner runner;
    (void)runner.start(coupon_guide(), "/cart.html", k_now);
    (void)runner.handle(press(runner, GuideEventKind::Next), k_now);
    (void)runner.handle(press(runner, GuideEventKind::Next), k_now);
    const GuideUpdate done = runner.handle(press(runner, GuideEventKind::Next), k_now + 9);
    CHECK(runner.status() == GuideStatus::Completed);
    CHECK_FALSE(runner.running());
    CHECK(done.hide);
    CHECK(done.announcement == "Guide complete: Apply a coupon");
    REQUIRE(done.outcome);
    CHECK(done.outcome->guide_id == "apply-coupon");
    CHECK(done.outcome->locale == "en");
    CHECK(done.outcome->kind == OutcomeKind::Completed);
    CHECK(done.outcome->step_id == "check");
    CHECK(done.outcome->step_number == 3);
    CHECK(done.outcome->at_ms == k_now + 9);
    // Nothing moves a finished guide.
    CHECK_FALSE(runner.handle(press(runner, GuideEventKind::Next), k_now).changed);
}

TEST_CASE("Exit abandons the guide at the step the shopper was on") {
    GuideRunner runner;
    (void)runner.start(coupon_guide(), "/cart.html", k_now);
    (void)runner.handle(press(runner, GuideEventKind::Next), k_now);
    const GuideUpdate exit = runner.handle(press(runner, GuideEventKind::Exit), k_now + 3);
    CHECK(runner.status() == GuideStatus::Abandoned);
    CHECK(exit.hide);
    REQUIRE(exit.outcome);
    CHECK(exit.outcome->kind == OutcomeKind::Abandoned);
    CHECK(exit.outcome->step_id == "apply");
    CHECK(exit.outcome->step_number == 2);
}

TEST_CASE("Back returns to the step before, focused, and does nothing on the first") {
    GuideRunner runner;
    (void)runner.start(coupon_guide(), "/cart.html", k_now);
    CHECK_FALSE(runner.handle(press(runner, GuideEventKind::Back), k_now).changed);
    (void)runner.handle(press(runner, GuideEventKind::Next), k_now);
    (void)runner.handle(press(runner, GuideEventKind::Next), k_now);
    REQUIRE(runner.position() == 3);
    const GuideUpdate back = runner.handle(press(runner, GuideEventKind::Back), k_now);
    CHECK(back.show);
    CHECK(back.move_focus);
    CHECK(runner.step().id == "apply");
    CHECK(runner.position() == 2);
    CHECK(back.announcement == "Step 2 of 3: Title of apply");
    (void)runner.handle(press(runner, GuideEventKind::Back), k_now);
    CHECK(runner.step().id == "code");
    CHECK_FALSE(runner.can_go_back());
}

TEST_CASE("a question goes where the answer says, and the count follows the chosen way") {
    GuideRunner runner;
    (void)runner.start(size_guide(), "/product.html", k_now);
    CHECK(runner.total() == 5); // the longest way: ask, measure, chart, pick, add
    CHECK_FALSE(runner.at_last_step());
    // A question is answered, not skipped past.
    CHECK_FALSE(runner.handle(press(runner, GuideEventKind::Next), k_now).changed);
    CHECK_FALSE(runner.handle(choose(runner, 7), k_now).changed);

    SECTION("I know my size: straight to picking it") {
        const GuideUpdate update = runner.handle(choose(runner, 0), k_now);
        CHECK(update.move_focus);
        CHECK(runner.step().id == "pick");
        CHECK(runner.position() == 2);
        CHECK(runner.total() == 3);
        (void)runner.handle(press(runner, GuideEventKind::Back), k_now);
        CHECK(runner.step().id == "ask");
    }
    SECTION("Help me measure: through the measuring steps, then picking") {
        (void)runner.handle(choose(runner, 1), k_now);
        CHECK(runner.step().id == "measure");
        CHECK(runner.total() == 5);
        CHECK(runner.target_state() == TargetState::None); // nothing to point at
        (void)runner.handle(press(runner, GuideEventKind::Next), k_now);
        CHECK(runner.step().id == "chart");
        (void)runner.handle(press(runner, GuideEventKind::Next), k_now);
        CHECK(runner.step().id == "pick");
        CHECK(runner.position() == 4);
    }
    SECTION("an answer that ends the guide completes it") {
        const GuideUpdate update = runner.handle(choose(runner, 2), k_now);
        CHECK(runner.status() == GuideStatus::Completed);
        REQUIRE(update.outcome);
        CHECK(update.outcome->step_id == "ask");
    }
}

TEST_CASE("next: end finishes the guide early") {
    Guide guide = coupon_guide();
    guide.steps[0].next = "end";
    GuideRunner runner;
    (void)runner.start(guide, "/cart.html", k_now);
    CHECK(runner.total() == 1);
    CHECK(runner.at_last_step());
    const GuideUpdate update = runner.handle(event(GuideEventKind::FieldFilled, runner.showing()), k_now);
    CHECK(runner.status() == GuideStatus::Completed);
    CHECK(update.outcome);
}

TEST_CASE("a target not found in time says so; Skip goes on and a late target is still welcome") {
    GuideRunner runner;
    (void)runner.start(coupon_guide(), "/cart.html", k_now);
    const GuideUpdate missing = runner.handle(event(GuideEventKind::TargetMissing, runner.showing()), k_now);
    CHECK(runner.target_state() == TargetState::Missing);
    CHECK(missing.refresh);
    CHECK_FALSE(missing.show);
    CHECK(missing.announcement == "I can't find this on the page. You can skip this step or end the guide.");

    SECTION("the element turns up after all") {
        const GuideUpdate found = runner.handle(event(GuideEventKind::TargetFound, runner.showing()), k_now);
        CHECK(found.refresh);
        CHECK(runner.target_state() == TargetState::Found);
    }
    SECTION("the shopper skips the step") {
        (void)runner.handle(press(runner, GuideEventKind::Skip), k_now);
        CHECK(runner.step().id == "apply");
        CHECK(runner.target_state() == TargetState::Searching);
    }
}

TEST_CASE("a step on another page waits there, and is looked for again on arrival") {
    GuideRunner runner;
    (void)runner.start(order_guide(), "/index.html", k_now);
    REQUIRE(runner.step().id == "go");
    CHECK(runner.target_state() == TargetState::Searching); // the link is on every page

    // A page that is not the one step 1 waits for changes nothing.
    CHECK_FALSE(runner.handle(page("/cart.html"), k_now).changed);
    const GuideUpdate arrived = runner.handle(page("/order-status.html"), k_now);
    CHECK(arrived.show);
    CHECK_FALSE(arrived.move_focus);
    CHECK(runner.step().id == "number");
    CHECK(runner.target_state() == TargetState::Searching);

    // Leaving the step's page: it waits for the shopper to come back.
    const GuideUpdate left = runner.handle(page("/cart.html"), k_now);
    CHECK(left.show);
    CHECK(runner.step().id == "number");
    CHECK(runner.target_state() == TargetState::OtherPage);
    // Nothing to find on another page: a timeout from the page is not a missing target.
    CHECK_FALSE(runner.handle(event(GuideEventKind::TargetMissing, runner.showing()), k_now).changed);
    const GuideUpdate back = runner.handle(page("/order-status.html"), k_now);
    CHECK(back.show);
    CHECK(runner.target_state() == TargetState::Searching);
}

TEST_CASE("starting on the page the first step asks for begins at the second") {
    GuideRunner runner;
    const GuideUpdate update = runner.start(order_guide(), "/order-status.html", k_now);
    CHECK(runner.step().id == "number");
    CHECK(update.move_focus);
    CHECK(runner.position() == 2);
    CHECK(runner.can_go_back());
}

TEST_CASE("steps that all wait for the current page in a loop do not spin") {
    Guide guide;
    guide.id = "loop";
    guide.title = "Loop";
    GuideStep a = make_step("a", {}, AdvanceKind::UrlReached);
    a.advance.page = "/x";
    GuideStep b = a;
    b.id = "b";
    b.next = "a";
    guide.steps = {a, b};
    GuideRunner runner;
    (void)runner.start(guide, "/x", k_now);
    CHECK(runner.running());
}

TEST_CASE("starting another guide abandons the one running") {
    GuideRunner runner;
    (void)runner.start(coupon_guide(), "/cart.html", k_now);
    (void)runner.handle(press(runner, GuideEventKind::Next), k_now);
    const GuideUpdate update = runner.start(size_guide(), "/product.html", k_now);
    REQUIRE(update.outcome);
    CHECK(update.outcome->guide_id == "apply-coupon");
    CHECK(update.outcome->kind == OutcomeKind::Abandoned);
    CHECK(update.outcome->step_number == 2);
    CHECK(runner.guide().id == "find-size");
    CHECK(runner.position() == 1);
    CHECK_FALSE(runner.can_go_back());
}

TEST_CASE("saved progress resumes at the same step with Back intact") {
    GuideRunner first;
    (void)first.start(coupon_guide(), "/cart.html", k_now);
    (void)first.handle(press(first, GuideEventKind::Next), k_now + 10);
    const std::string saved = serialize_guide_progress(first.progress());

    auto progress = parse_guide_progress(saved);
    REQUIRE(progress);
    CHECK(*progress == first.progress());
    GuideRunner second;
    auto resumed = second.resume(coupon_guide(), *progress, "/cart.html", k_now + 60'000);
    REQUIRE(resumed);
    CHECK(resumed->show);
    CHECK_FALSE(resumed->move_focus);
    CHECK(second.step().id == "apply");
    CHECK(second.position() == 2);
    CHECK(second.progress().started_ms == k_now);
    (void)second.handle(press(second, GuideEventKind::Back), k_now + 61'000);
    CHECK(second.step().id == "code");
}

TEST_CASE("resuming on the page a step waits for moves straight on") {
    GuideRunner first;
    (void)first.start(order_guide(), "/index.html", k_now);
    // The shopper follows the link: the next page loads with the saved progress.
    GuideRunner second;
    auto resumed = second.resume(order_guide(), first.progress(), "/order-status.html", k_now + 500);
    REQUIRE(resumed);
    CHECK(resumed->changed);
    CHECK(resumed->show);
    CHECK(second.step().id == "number");
}

TEST_CASE("progress that no longer fits the guide, or is a day old, is not resumed") {
    GuideRunner first;
    (void)first.start(coupon_guide(), "/cart.html", k_now);
    (void)first.handle(press(first, GuideEventKind::Next), k_now);
    GuideProgress progress = first.progress();

    GuideRunner runner;
    SECTION("the step was removed") {
        Guide changed = coupon_guide();
        changed.steps.erase(changed.steps.begin() + 1);
        auto resumed = runner.resume(changed, progress, "/cart.html", k_now);
        REQUIRE_FALSE(resumed);
        CHECK(resumed.error().code == "guide.progress.unknown_step");
        CHECK_FALSE(runner.running());
    }
    SECTION("another guide") {
        auto resumed = runner.resume(size_guide(), progress, "/cart.html", k_now);
        REQUIRE_FALSE(resumed);
        CHECK(resumed.error().code == "guide.progress.wrong_guide");
    }
    SECTION("a day later it ends as abandoned") {
        auto resumed =
            runner.resume(coupon_guide(), progress, "/cart.html", k_now + k_progress_expiry_ms + 1);
        REQUIRE(resumed);
        CHECK(resumed->hide);
        REQUIRE(resumed->outcome);
        CHECK(resumed->outcome->kind == OutcomeKind::Abandoned);
        CHECK(resumed->outcome->step_id == "apply");
        CHECK_FALSE(runner.running());
    }
}
