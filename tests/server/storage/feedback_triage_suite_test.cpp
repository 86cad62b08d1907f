// Triage in the store: status, tags and notes with their append-only activity, and the staff list's
// filters and pages. Written against the Storage interface, like storage_suite_test.cpp.

#include "catch_amalgamated.hpp"

#include "store_fixtures.h"

#include <algorithm>
#include <set>
#include <thread>

using namespace support;
using namespace support::server;
using namespace support::server::test;

namespace {

std::unique_ptr<Storage> open_store(const StoreLocation& location) {
    auto storage = location.open();
    REQUIRE(storage.has_value());
    return std::move(*storage);
}

std::int64_t stored_id(Storage& storage, NewFeedback feedback) {
    auto stored = insert(storage, std::move(feedback));
    REQUIRE(stored.has_value());
    return stored->feedback_id;
}

TriageChange change(std::int64_t id, TriageAction action, std::string value, std::int64_t at_ms = 1'000) {
    return TriageChange{id, action, std::move(value), "dana@shop.example", at_ms};
}

std::vector<std::int64_t> ids_of(Storage& storage, const FeedbackQuery& query) {
    auto page = storage.list_feedback(query);
    REQUIRE(page.has_value());
    std::vector<std::int64_t> ids;
    for (const auto& item : page->items)
        ids.push_back(item.id);
    return ids;
}

} // namespace

STORAGE_TEST_CASE("triage: a status change is kept with who made it and when; repeating it writes nothing",
                  "[storage][triage]") {
    StoreLocation location(TestType::backend);
    auto storage = open_store(location);
    const auto id = stored_id(*storage, article_vote("demo", 1, false, "No word about Eilat"));

    CHECK(storage->apply_triage(change(id, TriageAction::SetStatus, "in_progress", 5'000)).value() ==
          TriageOutcome::Applied);
    CHECK(storage->apply_triage(change(id, TriageAction::SetStatus, "in_progress", 6'000)).value() ==
          TriageOutcome::Unchanged);
    CHECK(storage->apply_triage(change(id, TriageAction::SetStatus, "resolved", 7'000)).value() ==
          TriageOutcome::Applied);
    CHECK(storage->apply_triage(change(id + 1000, TriageAction::SetStatus, "resolved")).value() ==
          TriageOutcome::NotFound);

    auto detail = storage->find_feedback_detail(id);
    REQUIRE(detail.has_value());
    REQUIRE(detail->has_value());
    CHECK((*detail)->feedback.status == FeedbackStatus::Resolved);
    CHECK((*detail)->feedback.submission.comment == "No word about Eilat");
    REQUIRE((*detail)->activity.size() == 2);
    CHECK((*detail)->activity[0].action == TriageAction::SetStatus);
    CHECK((*detail)->activity[0].value == "in_progress");
    CHECK((*detail)->activity[0].staff_email == "dana@shop.example");
    CHECK((*detail)->activity[0].at_ms == 5'000);
    CHECK((*detail)->activity[1].value == "resolved");
    CHECK_FALSE(storage->find_feedback_detail(id + 1000).value().has_value());
}

STORAGE_TEST_CASE(
    "triage: tags are added once, removed, listed in order, and every change stays in the history",
    "[storage][triage]") {
    StoreLocation location(TestType::backend);
    auto storage = open_store(location);
    const auto id = stored_id(*storage, article_vote("demo", 1, false));
    CHECK(storage->apply_triage(change(id, TriageAction::AddTag, "shipping")).value() ==
          TriageOutcome::Applied);
    CHECK(storage->apply_triage(change(id, TriageAction::AddTag, "shipping")).value() ==
          TriageOutcome::Unchanged);
    CHECK(storage->apply_triage(change(id, TriageAction::AddTag, "משלוחים")).value() ==
          TriageOutcome::Applied);
    CHECK(storage->apply_triage(change(id, TriageAction::AddTag, "content-gap")).value() ==
          TriageOutcome::Applied);
    CHECK(storage->apply_triage(change(id, TriageAction::RemoveTag, "content-gap")).value() ==
          TriageOutcome::Applied);
    CHECK(storage->apply_triage(change(id, TriageAction::RemoveTag, "content-gap")).value() ==
          TriageOutcome::Unchanged);
    CHECK(storage->apply_triage(change(id, TriageAction::AddNote, "Asked the warehouse")).value() ==
          TriageOutcome::Applied);
    CHECK(storage->apply_triage(change(id, TriageAction::AddNote, "Asked the warehouse")).value() ==
          TriageOutcome::Applied); // a note said twice is two notes

    const auto detail = storage->find_feedback_detail(id).value().value();
    CHECK(detail.feedback.tags == std::vector<std::string>{"shipping", "משלוחים"});
    std::vector<std::string> history;
    for (const auto& entry : detail.activity)
        history.push_back(std::string(triage_action_name(entry.action)) + ":" + entry.value);
    CHECK(history == std::vector<std::string>{"tag_added:shipping", "tag_added:משלוחים",
                                              "tag_added:content-gap", "tag_removed:content-gap",
                                              "note:Asked the warehouse", "note:Asked the warehouse"});

    FeedbackQuery tagged;
    tagged.tag = "shipping";
    const auto page = storage->list_feedback(tagged).value();
    REQUIRE(page.items.size() == 1);
    CHECK(page.items[0].tags == std::vector<std::string>{"shipping", "משלוחים"});
    tagged.tag = "content-gap";
    CHECK(ids_of(*storage, tagged).empty());
}

STORAGE_TEST_CASE("triage: the list filters by every field staff filter by", "[storage][triage]") {
    StoreLocation location(TestType::backend);
    auto storage = open_store(location);
    auto vote = article_vote("demo", 1, false, "אין מידע על משלוח לאילת");
    vote.submission.comment = "אֵין מידע על משלוח לאילת"; // with niqqud
    const auto hebrew = stored_id(*storage, vote);
    auto english = article_vote("demo", 2, true, "Great, found the RETURNS address");
    english.submission.subject = "returns";
    english.submission.context.page_url = "https://shop.example/returns";
    english.received_at_ms = 1'764'900'000'000;
    const auto english_id = stored_id(*storage, english);
    const auto other_site = stored_id(*storage, article_vote("other-shop", 3, false, "Eilat?"));
    REQUIRE(storage->apply_triage(change(english_id, TriageAction::SetStatus, "resolved")).has_value());

    FeedbackQuery query;
    query.text = "אין";
    CHECK(ids_of(*storage, query) == std::vector{hebrew}); // niqqud ignored
    query.text = "returns ADDRESS";
    CHECK(ids_of(*storage, query) == std::vector{english_id}); // case ignored
    query.text = "shop.example/returns";
    CHECK(ids_of(*storage, query) == std::vector{english_id}); // the page address too
    query.text = "ין";                                         // part of a word
    CHECK(ids_of(*storage, query) == std::vector{hebrew});
    query.text = "\"returns\" OR address*"; // no query syntax: this is text to find
    CHECK(ids_of(*storage, query).empty());
    query.text = "   ";
    CHECK(ids_of(*storage, query).size() == 3); // nothing to look for: no filter

    query = {};
    query.site = "demo";
    CHECK(ids_of(*storage, query) == std::vector{english_id, hebrew});
    query.helpful = false;
    CHECK(ids_of(*storage, query) == std::vector{hebrew});

    query = {};
    query.status = FeedbackStatus::Resolved;
    CHECK(ids_of(*storage, query) == std::vector{english_id});
    query.status = FeedbackStatus::New;
    CHECK(ids_of(*storage, query) == std::vector{other_site, hebrew});

    query = {};
    query.page_url = "https://shop.example/returns";
    CHECK(ids_of(*storage, query) == std::vector{english_id});
    query = {};
    query.subject = "returns";
    CHECK(ids_of(*storage, query) == std::vector{english_id});
    query = {};
    query.kind = protocol::FeedbackKind::SearchMiss;
    CHECK(ids_of(*storage, query).empty());

    query = {};
    query.received_from_ms = 1'764'900'000'000;
    CHECK(ids_of(*storage, query) == std::vector{english_id});
    query = {};
    query.received_before_ms = 1'764'900'000'000;
    query.order = FeedbackOrder::OldestFirst;
    CHECK(ids_of(*storage, query) == std::vector{hebrew, other_site});
}

STORAGE_TEST_CASE("triage: paging through the list while feedback keeps arriving skips and repeats nothing",
                  "[storage][triage]") {
    StoreLocation location(TestType::backend);
    auto storage = open_store(location);
    for (int n = 0; n < 60; ++n)
        stored_id(*storage, article_vote("demo", n, n % 3 != 0));

    for (const auto order : {FeedbackOrder::NewestFirst, FeedbackOrder::OldestFirst}) {
        FeedbackQuery query;
        query.limit = 7;
        query.order = order;
        std::vector<std::int64_t> seen;
        int arriving = 1000 + (order == FeedbackOrder::OldestFirst ? 100 : 0);
        for (;;) {
            auto page = storage->list_feedback(query);
            REQUIRE(page.has_value());
            for (const auto& item : page->items)
                seen.push_back(item.id);
            stored_id(*storage, article_vote("demo", arriving++, false)); // arrives between pages
            if (!page->more)
                break;
            query.after_id = page->items.back().id;
        }
        const std::set<std::int64_t> distinct(seen.begin(), seen.end());
        CHECK(distinct.size() == seen.size());
        if (order == FeedbackOrder::NewestFirst) {
            CHECK(seen.size() == 60); // everything that was there when the first page was read
            CHECK(std::is_sorted(seen.rbegin(), seen.rend()));
        } else {
            CHECK(seen.size() >= 60); // and, oldest first, what arrived meanwhile too
            CHECK(std::is_sorted(seen.begin(), seen.end()));
        }
    }
}

STORAGE_TEST_CASE(
    "triage: a table reads any stretch by position below the newest id it saw, unshifted by arrivals",
    "[storage][triage]") {
    StoreLocation location(TestType::backend);
    auto storage = open_store(location);
    for (int n = 0; n < 30; ++n)
        stored_id(*storage, article_vote("demo", n, n % 2 == 0));
    FeedbackQuery query;
    query.helpful = true;
    const auto count = storage->count_matching_feedback(query).value();
    CHECK(count.total == 15);
    CHECK(count.newest_id == 29);

    query.up_to_id = count.newest_id;
    query.offset = 10;
    query.limit = 3;
    const auto before = ids_of(*storage, query);
    CHECK(before == std::vector<std::int64_t>{9, 7, 5});
    stored_id(*storage, article_vote("demo", 100, true)); // arrives above the table's snapshot
    CHECK(ids_of(*storage, query) == before);
    query.offset = 14;
    const auto last = storage->list_feedback(query).value();
    CHECK(last.items.size() == 1);
    CHECK_FALSE(last.more);
    CHECK(storage->count_matching_feedback(query).value().total == 15); // the snapshot's rows only

    FeedbackQuery nothing;
    nothing.tag = "none";
    CHECK(storage->count_matching_feedback(nothing).value().newest_id == 0);
}
