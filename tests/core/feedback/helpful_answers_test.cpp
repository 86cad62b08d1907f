#include "catch_amalgamated.hpp"

#include "shared/core/feedback/helpful_answers.h"

using namespace support;
using namespace support::feedback;

TEST_CASE("an answer to \"Was this helpful?\" is shown again on the next visit", "[helpful_answers]") {
    persistence::MemoryKeyValueStore store;
    {
        HelpfulAnswers visit(store);
        visit.load();
        CHECK(visit.answer_for("return-policy") == HelpfulAnswer::None);
        REQUIRE(visit.record("return-policy", HelpfulAnswer::No, "he", 1'000));
        REQUIRE(visit.record("shipping", HelpfulAnswer::Yes, "he", 2'000));
        REQUIRE(visit.record("return-policy", HelpfulAnswer::Yes, "he", 3'000)); // changed their mind
    }
    HelpfulAnswers next_visit(store);
    next_visit.load();
    CHECK(next_visit.answer_for("return-policy") == HelpfulAnswer::Yes);
    CHECK(next_visit.answer_for("shipping") == HelpfulAnswer::Yes);
}

TEST_CASE("storage that is full or blocked keeps the answer for this visit and says why",
          "[helpful_answers]") {
    persistence::MemoryKeyValueStore store;
    store.set_available(false);
    HelpfulAnswers visit(store);
    visit.load();
    const auto kept = visit.record("shipping", HelpfulAnswer::No, "en", 1);
    REQUIRE_FALSE(kept);
    CHECK(kept.error().code == "web.storage.unavailable");
    CHECK(visit.answer_for("shipping") == HelpfulAnswer::No);
}

TEST_CASE("unreadable stored answers are ignored, never fatal", "[helpful_answers]") {
    persistence::MemoryKeyValueStore store;
    REQUIRE(store.set("helpful-answers", "{not json"));
    HelpfulAnswers visit(store);
    visit.load();
    CHECK(visit.answer_for("x") == HelpfulAnswer::None);
    REQUIRE(visit.record("x", HelpfulAnswer::Yes, "en", 1));
}
