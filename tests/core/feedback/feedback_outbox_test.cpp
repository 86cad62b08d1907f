// The outbox as the widget drives it: queue, hand out, report results, back off, evict.
#include "catch_amalgamated.hpp"

#include "outbox_test_events.h"

#include "shared/core/feedback/feedback_outbox.h"

#include <set>
#include <string>

using namespace support::feedback;
using namespace support::feedback::test;

namespace {

std::string ids_of(const std::vector<OutboxEntry>& entries) {
    std::string ids;
    for (const OutboxEntry& entry : entries)
        ids += (ids.empty() ? "" : " ") + entry.client_id.substr(0, 8);
    return ids;
}

std::string short_id(unsigned n) {
    return client_id(n).substr(0, 8);
}

} // namespace

TEST_CASE("a queued event is due at once and handed out with its body") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    CHECK(outbox.next_wake_at(k_now) == k_now);
    const auto due = outbox.take_due(k_now);
    REQUIRE(due.size() == 1);
    CHECK(due[0].client_id == client_id(1));
    CHECK(due[0].kind == "article_helpful");
    CHECK(due[0].body == body(1));
    CHECK(due[0].created_at_ms == k_now);
    CHECK(due[0].attempts == 1);
    CHECK(outbox.in_flight(client_id(1)));
}

TEST_CASE("an event with the same client id is queued once") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    auto again = outbox.enqueue({client_id(1), "article_helpful", "{}"}, k_now + 5);
    REQUIRE(again);
    CHECK(again->outcome == EnqueueOutcome::AlreadyQueued);
    std::string upper = client_id(1);
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto shouted = outbox.enqueue({upper, "article_helpful", "{}"}, k_now + 5);
    REQUIRE(shouted);
    CHECK(shouted->outcome == EnqueueOutcome::AlreadyQueued);
    CHECK(outbox.size() == 1);
    CHECK(outbox.entries()[0].body == body(1));
}

TEST_CASE("an acknowledged event is gone and is not queued again") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    queue(outbox, 2);
    (void)outbox.take_due(k_now);
    CHECK(outbox.acknowledged(client_id(1), k_now + 300));
    CHECK(outbox.find(client_id(1)) == nullptr);
    CHECK(outbox.size() == 1);
    CHECK(outbox.in_flight_count() == 1);
    REQUIRE(outbox.acknowledged_ids().size() == 1);
    CHECK(outbox.acknowledged_ids()[0] == AcknowledgedId{client_id(1), k_now + 300});

    auto again = outbox.enqueue({client_id(1), "article_helpful", body(1)}, k_now + 400);
    REQUIRE(again);
    CHECK(again->outcome == EnqueueOutcome::AlreadySettled);
    CHECK(outbox.size() == 1);
}

TEST_CASE("enqueue refuses events the server could never take, naming the field") {
    FeedbackOutbox outbox;
    const auto refused = [&](std::string_view id, std::string_view kind, std::string_view text) {
        auto queued = outbox.enqueue({id, kind, text}, k_now);
        REQUIRE_FALSE(queued);
        return queued.error().code + " " + queued.error().field;
    };
    const std::string id = client_id(1);
    CHECK(refused("not-a-uuid", "article_helpful", "{}") == "feedback.outbox.invalid_client_id client_id");
    CHECK(refused(id, "", "{}") == "feedback.outbox.invalid_kind kind");
    CHECK(refused(id, "article helpful", "{}") == "feedback.outbox.invalid_kind kind");
    CHECK(refused(id, std::string(65, 'k'), "{}") == "feedback.outbox.invalid_kind kind");
    CHECK(refused(id, "guide", "") == "feedback.outbox.invalid_body body");
    CHECK(refused(id, "guide", "{\"comment\":\"\xC3\x28\"}") == "feedback.outbox.invalid_body body");
    CHECK(refused(id, "guide", std::string(16 * 1024 + 1, 'x')) == "feedback.outbox.body_too_large body");
    CHECK(outbox.empty());
    CHECK(outbox.enqueue({id, "guide", std::string(16 * 1024, 'x')}, k_now));
}

TEST_CASE("no more than max_in_flight events are handed out until their results come back") {
    OutboxLimits limits;
    limits.max_in_flight = 2;
    FeedbackOutbox outbox(limits);
    for (unsigned n = 1; n <= 5; ++n)
        queue(outbox, n, k_now + n);
    CHECK(ids_of(outbox.take_due(k_now + 10)) == short_id(1) + " " + short_id(2));
    CHECK(outbox.take_due(k_now + 11).empty());
    CHECK(outbox.in_flight_count() == 2);

    CHECK(outbox.acknowledged(client_id(1), k_now + 12));
    CHECK(ids_of(outbox.take_due(k_now + 12)) == short_id(3));
    CHECK(outbox.failed_transient(client_id(2), {"web.fetch.failed", {}}, k_now + 13, 0.0));
    // Event 2 is due again at once (jitter 0) but queued after 4, which has waited since it was queued.
    CHECK(ids_of(outbox.take_due(k_now + 13)) == short_id(4));
    CHECK(outbox.take_due(k_now + 14).empty());
}

TEST_CASE("an event being sent is not handed out again until its result is reported") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    REQUIRE(outbox.take_due(k_now).size() == 1);
    CHECK(outbox.take_due(k_now + 1'000).empty());
    CHECK(outbox.take_due(k_now + 119'999).empty());
    // The result never came (a lost promise): after the send timeout it is handed out again.
    const auto retried = outbox.take_due(k_now + 120'000);
    REQUIRE(retried.size() == 1);
    CHECK(retried[0].attempts == 2);
}

TEST_CASE("a transient failure backs off within the full-jitter bounds, growing up to 5 min") {
    const std::int64_t ceilings[] = {1'000,  2'000,   4'000,   8'000,   16'000,  32'000,
                                     64'000, 128'000, 256'000, 300'000, 300'000, 300'000};
    for (const double random : {0.0, 0.25, 0.5, 0.999999}) {
        FeedbackOutbox outbox;
        queue(outbox, 1);
        std::int64_t now = k_now;
        for (const std::int64_t ceiling : ceilings) {
            REQUIRE(outbox.take_due(now).size() == 1);
            REQUIRE(outbox.failed_transient(client_id(1), {"web.fetch.failed", {}}, now, random));
            const OutboxEntry* entry = outbox.find(client_id(1));
            REQUIRE(entry);
            const std::int64_t delay = entry->next_attempt_at_ms - now;
            CHECK(delay >= 0);
            CHECK(delay < ceiling);
            CHECK(delay == static_cast<std::int64_t>(random * static_cast<double>(ceiling)));
            CHECK(entry->last_error == "web.fetch.failed");
            if (delay > 0)
                CHECK(outbox.take_due(entry->next_attempt_at_ms - 1).empty());
            CHECK(outbox.next_wake_at(now) == entry->next_attempt_at_ms);
            now = entry->next_attempt_at_ms;
        }
        CHECK(outbox.find(client_id(1))->attempts == 12);
    }
}

TEST_CASE("the server's Retry-After is honoured for the event and holds back every other event") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    REQUIRE(outbox.take_due(k_now).size() == 1);
    CHECK(outbox.failed_transient(client_id(1), {"web.fetch.http_status", 30'000}, k_now + 100, 0.0));
    CHECK(outbox.find(client_id(1))->next_attempt_at_ms == k_now + 30'100);
    CHECK(outbox.paused_until_ms() == k_now + 30'100);

    queue(outbox, 2, k_now + 200);
    CHECK(outbox.take_due(k_now + 200).empty());
    CHECK(outbox.next_wake_at(k_now + 200) == k_now + 30'100);
    CHECK(outbox.network_returned(k_now + 300) == 1); // brought forward, but the pause holds
    CHECK(outbox.take_due(k_now + 30'099).empty());
    // Both wait for the pause; event 2 has been due since it was queued, event 1 since the network
    // returned.
    CHECK(ids_of(outbox.take_due(k_now + 30'100)) == short_id(2) + " " + short_id(1));
}

TEST_CASE("a Retry-After shorter than the backoff does not shorten it") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    REQUIRE(outbox.take_due(k_now).size() == 1);
    CHECK(outbox.failed_transient(client_id(1), {"web.fetch.http_status", 10}, k_now, 0.5));
    CHECK(outbox.find(client_id(1))->next_attempt_at_ms == k_now + 500);
}

TEST_CASE("a Retry-After longer than a day waits a day") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    REQUIRE(outbox.take_due(k_now).size() == 1);
    CHECK(
        outbox.failed_transient(client_id(1), {"web.fetch.http_status", 400LL * 24 * 3'600'000}, k_now, 0.0));
    constexpr std::int64_t day = 24LL * 3'600'000;
    CHECK(outbox.find(client_id(1))->next_attempt_at_ms == k_now + day);
    CHECK(outbox.take_due(k_now + day - 1).empty());
    CHECK(outbox.take_due(k_now + day).size() == 1);
}

TEST_CASE("a permanent failure drops the event and lists it for diagnostics") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    queue(outbox, 2);
    (void)outbox.take_due(k_now);
    CHECK(outbox.failed_permanent(client_id(1), "api.feedback.wrong_type", k_now + 50));
    CHECK(outbox.find(client_id(1)) == nullptr);
    CHECK(outbox.size() == 1);
    REQUIRE(outbox.dropped().size() == 1);
    CHECK(outbox.dropped()[0] ==
          DroppedEntry{client_id(1), "article_helpful", "api.feedback.wrong_type", k_now + 50});
    CHECK(outbox.counters().dropped_permanent == 1);
    // Sending it again cannot help, so queueing it again does nothing.
    auto again = outbox.enqueue({client_id(1), "article_helpful", body(1)}, k_now + 60);
    REQUIRE(again);
    CHECK(again->outcome == EnqueueOutcome::AlreadySettled);
}

TEST_CASE("the dropped list keeps the newest few") {
    OutboxLimits limits;
    limits.max_dropped = 3;
    FeedbackOutbox outbox(limits);
    for (unsigned n = 1; n <= 5; ++n) {
        queue(outbox, n);
        CHECK(outbox.failed_permanent(client_id(n), "api.feedback.invalid_value", k_now + n));
    }
    REQUIRE(outbox.dropped().size() == 3);
    CHECK(outbox.dropped()[0].client_id == client_id(5));
    CHECK(outbox.dropped()[2].client_id == client_id(3));
    CHECK(outbox.counters().dropped_permanent == 5);
}

TEST_CASE("an error id is stored in a safe form") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    queue(outbox, 2);
    CHECK(outbox.failed_transient(client_id(1), {"bad id\n<script>", {}}, k_now, 0.0));
    CHECK(outbox.find(client_id(1))->last_error == "bad_id__script_");
    CHECK(outbox.failed_transient(client_id(1), {"", {}}, k_now, 0.0));
    CHECK(outbox.find(client_id(1))->last_error == "feedback.outbox.unspecified_error");
    CHECK(outbox.failed_permanent(client_id(2), std::string(500, 'e'), k_now));
    CHECK(outbox.dropped()[0].error_id == std::string(128, 'e'));
}

TEST_CASE("results for an event that is not queued change nothing") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    const std::string before = outbox.to_json();
    CHECK_FALSE(outbox.acknowledged(client_id(9), k_now));
    CHECK_FALSE(outbox.failed_transient(client_id(9), {"web.fetch.failed", 5'000}, k_now, 0.5));
    CHECK_FALSE(outbox.failed_permanent(client_id(9), "api.feedback.wrong_type", k_now));
    CHECK_FALSE(outbox.acknowledged("garbage", k_now));
    CHECK(outbox.to_json() == before);
}

TEST_CASE("when the network returns every waiting event is due now") {
    FeedbackOutbox outbox;
    for (unsigned n = 1; n <= 3; ++n)
        queue(outbox, n);
    (void)outbox.take_due(k_now);
    for (unsigned n = 1; n <= 2; ++n)
        CHECK(outbox.failed_transient(client_id(n), {"web.fetch.failed", {}}, k_now, 0.9));
    const std::int64_t later = k_now + 10;
    CHECK(outbox.take_due(later).size() == 1); // event 3 only: 1 and 2 wait for their retry
    CHECK(outbox.network_returned(later) == 2);
    CHECK(outbox.find(client_id(1))->next_attempt_at_ms == later);
    CHECK_FALSE(outbox.in_flight(client_id(1)));
    CHECK(outbox.in_flight(client_id(3)));
    CHECK(outbox.next_wake_at(later) == later);
}

TEST_CASE("when full, the oldest events are evicted and counted") {
    OutboxLimits limits;
    limits.max_entries = 3;
    FeedbackOutbox outbox(limits);
    for (unsigned n = 1; n <= 3; ++n)
        queue(outbox, n, k_now + n);
    auto fourth = outbox.enqueue({client_id(4), "guide", body(4)}, k_now + 4);
    REQUIRE(fourth);
    CHECK(fourth->outcome == EnqueueOutcome::Queued);
    CHECK(fourth->evicted == 1);
    CHECK(outbox.size() == 3);
    CHECK(outbox.find(client_id(1)) == nullptr);
    CHECK(outbox.entries().front().client_id == client_id(2));
    CHECK(outbox.counters().evicted == 1);
    REQUIRE(outbox.dropped().size() == 1);
    CHECK(outbox.dropped()[0] ==
          DroppedEntry{client_id(1), "article_helpful", "feedback.outbox.evicted", k_now + 4});
}

TEST_CASE("the total body budget evicts as many old events as a new one needs") {
    OutboxLimits limits;
    limits.max_total_body_bytes = 1'000;
    limits.max_body_bytes = 600;
    FeedbackOutbox outbox(limits);
    for (unsigned n = 1; n <= 3; ++n)
        REQUIRE(outbox.enqueue({client_id(n), "guide", std::string(300, 'a')}, k_now + n));
    CHECK(outbox.total_body_bytes() == 900);
    auto big = outbox.enqueue({client_id(4), "guide", std::string(600, 'b')}, k_now + 4);
    REQUIRE(big);
    CHECK(big->evicted == 2);
    CHECK(outbox.total_body_bytes() == 900);
    CHECK(outbox.find(client_id(3)) != nullptr);
    CHECK(outbox.counters().evicted == 2);
}

TEST_CASE("events older than max_age are dropped as expired") {
    OutboxLimits limits;
    limits.max_age_ms = 1'000'000;
    FeedbackOutbox outbox(limits);
    queue(outbox, 1, k_now);
    queue(outbox, 2, k_now + 500'000);
    CHECK(outbox.take_due(k_now + 1'000'000).size() == 2);
    (void)outbox.failed_transient(client_id(1), {"web.fetch.failed", {}}, k_now + 1'000'000, 0.0);
    (void)outbox.failed_transient(client_id(2), {"web.fetch.failed", {}}, k_now + 1'000'000, 0.0);
    const auto due = outbox.take_due(k_now + 1'000'001);
    CHECK(ids_of(due) == short_id(2));
    CHECK(outbox.counters().expired == 1);
    REQUIRE(outbox.dropped().size() == 1);
    CHECK(outbox.dropped()[0].error_id == "feedback.outbox.expired");
}

TEST_CASE("next_wake_at is the next retry, or the end of a send timeout when all slots are busy") {
    OutboxLimits limits;
    limits.max_in_flight = 1;
    FeedbackOutbox outbox(limits);
    CHECK_FALSE(outbox.next_wake_at(k_now));
    queue(outbox, 1);
    queue(outbox, 2);
    REQUIRE(outbox.take_due(k_now).size() == 1);
    CHECK(outbox.next_wake_at(k_now) == k_now + limits.send_timeout_ms);
    CHECK(outbox.failed_transient(client_id(1), {"web.fetch.failed", {}}, k_now + 10, 0.5));
    CHECK(outbox.next_wake_at(k_now + 10) == k_now); // event 2 has been due all along
    REQUIRE(outbox.take_due(k_now + 10).size() == 1);
    CHECK(outbox.acknowledged(client_id(2), k_now + 20));
    CHECK(outbox.next_wake_at(k_now + 20) == k_now + 10 + 500);
}

TEST_CASE("a schedule impossibly far ahead (the clock moved back) is due now") {
    FeedbackOutbox outbox;
    queue(outbox, 1, k_now);
    REQUIRE(outbox.take_due(k_now).size() == 1);
    CHECK(outbox.failed_transient(client_id(1), {"web.fetch.failed", 60'000}, k_now, 0.0));
    // The shopper's clock went back a year.
    const std::int64_t year_before = k_now - 365LL * 24 * 3'600'000;
    CHECK(outbox.next_wake_at(year_before) == year_before);
    CHECK(outbox.take_due(year_before).size() == 1);
}

TEST_CASE("handed out events come in the order they became due, oldest first among equals") {
    OutboxLimits limits;
    limits.max_in_flight = 10;
    FeedbackOutbox outbox(limits);
    for (unsigned n = 1; n <= 3; ++n)
        queue(outbox, n, k_now + n);
    (void)outbox.take_due(k_now + 3);
    CHECK(outbox.failed_transient(client_id(1), {"web.fetch.failed", {}}, k_now + 3, 0.9)); // +900
    CHECK(outbox.failed_transient(client_id(2), {"web.fetch.failed", {}}, k_now + 3, 0.1)); // +100
    CHECK(outbox.failed_transient(client_id(3), {"web.fetch.failed", {}}, k_now + 3, 0.1)); // +100
    CHECK(ids_of(outbox.take_due(k_now + 2'000)) == short_id(2) + " " + short_id(3) + " " + short_id(1));
}
