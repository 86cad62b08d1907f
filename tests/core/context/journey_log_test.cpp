// What the shopper tried, kept across pages for the person who answers their chat.
#include "catch_amalgamated.hpp"
#include "shared/core/context/journey_log.h"

using namespace support;
using protocol::JourneyKind;
using protocol::JourneyStep;

namespace {

constexpr std::int64_t k_now = 1'764'800'000'000;

} // namespace

TEST_CASE("The journey keeps what the shopper did across pages, newest last") {
    persistence::MemoryKeyValueStore store;
    {
        context::JourneyLog journey(store);
        journey.load(k_now);
        journey.record({JourneyKind::Search, "החזרה", "", k_now});
        journey.record({JourneyKind::Article, "how-to-return", "How do I return an item?", k_now + 1});
        journey.record({JourneyKind::Feedback, "how-to-return", "not_helpful", k_now + 2});
    }
    context::JourneyLog next_page(store);
    next_page.load(k_now + 10);
    REQUIRE(next_page.steps().size() == 3);
    CHECK(next_page.steps()[0].subject == "החזרה");
    CHECK(next_page.steps()[2].detail == "not_helpful");
}

TEST_CASE("A repeat of the newest step replaces it; the log holds the newest twenty of a day") {
    persistence::MemoryKeyValueStore store;
    context::JourneyLog journey(store);
    journey.load(k_now);
    journey.record({JourneyKind::Search, "retur", "", k_now});
    journey.record({JourneyKind::Search, "retur", "no_result", k_now + 1});
    REQUIRE(journey.steps().size() == 1);
    CHECK(journey.steps()[0].detail == "no_result");
    for (int i = 0; i < 30; ++i)
        journey.record({JourneyKind::Article, "a-" + std::to_string(i), "", k_now + 2 + i});
    REQUIRE(journey.steps().size() == protocol::k_max_journey_steps);
    CHECK(journey.steps().back().subject == "a-29");
    CHECK(journey.steps().front().subject == "a-10");

    context::JourneyLog a_day_later(store);
    a_day_later.load(k_now + context::k_journey_max_age_ms + 22);
    CHECK(a_day_later.steps().size() == 10); // a-20 … a-29 are younger than a day
}

TEST_CASE("A journey that cannot be read is forgotten, never a crash") {
    persistence::MemoryKeyValueStore store;
    for (const char* saved : {"not json", R"({"v":9,"steps":[]})", R"({"v":1,"steps":[{"kind":"teleport"}]})",
                              R"({"v":1,"steps":"x"})"}) {
        INFO(saved);
        REQUIRE(store.set("journey", saved));
        context::JourneyLog journey(store);
        journey.load(k_now);
        CHECK(journey.steps().empty());
        CHECK_FALSE(store.get("journey").value().has_value());
    }
}

TEST_CASE("A long search is kept cut on a character boundary") {
    persistence::MemoryKeyValueStore store;
    context::JourneyLog journey(store);
    std::string query;
    for (int i = 0; i < 150; ++i)
        query += "ש"; // two bytes each
    journey.record({JourneyKind::Search, query + "x", "", k_now});
    CHECK(journey.steps()[0].subject.size() == protocol::k_max_journey_text_bytes);
}

TEST_CASE("A search for a card number is kept, and later shown to staff, masked") {
    persistence::MemoryKeyValueStore store;
    context::JourneyLog journey(store);
    journey.load(k_now);
    journey.record({JourneyKind::Search, "4111 1111 1111 1111 refund", "no_result", k_now});
    REQUIRE(journey.steps().size() == 1);
    CHECK(journey.steps()[0].subject == "[card …1111] refund");
    CHECK(store.get("journey").value()->find("4111 1111") == std::string::npos);
}
