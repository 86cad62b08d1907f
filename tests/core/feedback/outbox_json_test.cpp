// The outbox across reloads: what to_json writes, what from_json gives back, and every way storage
// can hand back something else.
#include "catch_amalgamated.hpp"

#include "outbox_test_events.h"

#include "shared/core/feedback/feedback_outbox.h"

#include <string>

using namespace support::feedback;
using namespace support::feedback::test;

namespace {

const std::string k_id_a = "6f1c0b7e-3d2a-4c5b-9e8f-0a1b2c3d4e5f";
const std::string k_id_b = "0d3e5c1a-9b8f-4e2d-a1c0-5f6e7d8c9b0a";

std::string entry_json(const std::string& id, const std::string& kind = R"("guide")",
                       const std::string& body = R"("{}")", const std::string& created = "1000",
                       const std::string& attempts = "0") {
    return R"({"client_id":")" + id + R"(","kind":)" + kind + R"(,"body":)" + body + R"(,"created_at_ms":)" +
           created + R"(,"attempts":)" + attempts + R"(,"next_attempt_at_ms":1000,"last_error":""})";
}

std::string outbox_json(const std::string& entries) {
    return R"({"v":1,"entries":[)" + entries + "]}";
}

std::string code_of(std::string_view text) {
    auto restored = FeedbackOutbox::from_json(text);
    return restored ? std::string("ok") : restored.error().code;
}

} // namespace

TEST_CASE("a queued event survives a save and restore with its schedule and last error") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    queue(outbox, 2, k_now + 1);
    (void)outbox.take_due(k_now + 1);
    REQUIRE(outbox.failed_transient(client_id(1), {"web.fetch.failed", {}}, k_now + 2, 0.5));

    auto restored = FeedbackOutbox::from_json(outbox.to_json());
    REQUIRE(restored);
    CHECK(restored->entries() == outbox.entries());
    const OutboxEntry* entry = restored->find(client_id(1));
    REQUIRE(entry);
    CHECK(entry->body == body(1));
    CHECK(entry->attempts == 1);
    CHECK(entry->next_attempt_at_ms == k_now + 2 + 500);
    CHECK(entry->last_error == "web.fetch.failed");
    CHECK(restored->counters().skipped_on_restore == 0);
    CHECK_FALSE(restored->restore_problem());
    CHECK(restored->to_json() == outbox.to_json());
}

TEST_CASE("an event in flight when the page unloads is sent again after the reload") {
    FeedbackOutbox outbox;
    queue(outbox, 1);
    REQUIRE(outbox.take_due(k_now).size() == 1);
    CHECK(outbox.take_due(k_now + 1).empty());

    auto restored = FeedbackOutbox::from_json(outbox.to_json());
    REQUIRE(restored);
    CHECK(restored->in_flight_count() == 0);
    const auto due = restored->take_due(k_now + 5'000);
    REQUIRE(due.size() == 1);
    CHECK(due[0].client_id == client_id(1));
    CHECK(due[0].attempts == 2);
}

TEST_CASE("the persisted form is versioned JSON with one object per event") {
    FeedbackOutbox outbox;
    REQUIRE(outbox.enqueue({k_id_a, "article_helpful", R"({"helpful":true})"}, 1'764'825'059'123));
    CHECK(
        outbox.to_json() ==
        R"({"acknowledged":[],"dropped":[],"entries":[{"attempts":0,"body":"{\"helpful\":true}","client_id":"6f1c0b7e-3d2a-4c5b-9e8f-0a1b2c3d4e5f","created_at_ms":1764825059123,"kind":"article_helpful","last_error":"","next_attempt_at_ms":1764825059123}],"paused_until_ms":0,"v":1})");
    CHECK(FeedbackOutbox().to_json() ==
          R"({"acknowledged":[],"dropped":[],"entries":[],"paused_until_ms":0,"v":1})");
}

TEST_CASE("acknowledged ids, dropped events and a Retry-After pause survive a reload") {
    FeedbackOutbox outbox;
    for (unsigned n = 1; n <= 3; ++n)
        queue(outbox, n);
    (void)outbox.take_due(k_now);
    CHECK(outbox.acknowledged(client_id(1), k_now + 10));
    CHECK(outbox.failed_permanent(client_id(2), "api.feedback.wrong_type", k_now + 20));
    CHECK(outbox.failed_transient(client_id(3), {"web.fetch.http_status", 60'000}, k_now + 30, 0.0));

    auto restored = FeedbackOutbox::from_json(outbox.to_json());
    REQUIRE(restored);
    CHECK(restored->acknowledged_ids() == outbox.acknowledged_ids());
    CHECK(restored->dropped() == outbox.dropped());
    CHECK(restored->paused_until_ms() == k_now + 60'030);
    CHECK(restored->take_due(k_now + 60'029).empty());
    auto again = restored->enqueue({client_id(1), "article_helpful", body(1)}, k_now + 40);
    REQUIRE(again);
    CHECK(again->outcome == EnqueueOutcome::AlreadySettled);
}

TEST_CASE("corrupt or foreign storage is an error value, not a crash") {
    CHECK(code_of("") == "feedback.outbox.corrupt");
    CHECK(code_of("{") == "feedback.outbox.corrupt");
    CHECK(code_of(R"({"v":1,"entries":[)") == "feedback.outbox.corrupt");
    CHECK(code_of("null") == "feedback.outbox.corrupt");
    CHECK(code_of("[1,2,3]") == "feedback.outbox.corrupt");
    CHECK(code_of("yes") == "feedback.outbox.corrupt");
    CHECK(code_of("\xFF\xFE{}") == "feedback.outbox.corrupt");
    CHECK(code_of(R"({"theme":"dark"})") == "feedback.outbox.corrupt");
    CHECK(code_of(R"({"v":1})") == "feedback.outbox.corrupt");
    CHECK(code_of(R"({"v":1,"entries":{}})") == "feedback.outbox.corrupt");
    CHECK(code_of(std::string(2 * 1024 * 1024, ' ')) == "feedback.outbox.too_large");
    auto restored = FeedbackOutbox::from_json(R"({"v":1,"entries":"x"})");
    REQUIRE_FALSE(restored);
    CHECK(restored.error().field == "/entries");
}

TEST_CASE("storage from another format version is refused") {
    for (const char* text :
         {R"({"v":2,"entries":[]})", R"({"v":0,"entries":[]})", R"({"v":-1,"entries":[]})"}) {
        auto restored = FeedbackOutbox::from_json(text);
        REQUIRE_FALSE(restored);
        CHECK(restored.error().code == "feedback.outbox.unsupported_version");
        CHECK(restored.error().field == "v");
    }
    auto text_version = FeedbackOutbox::from_json(R"({"v":"1","entries":[]})");
    REQUIRE_FALSE(text_version);
    CHECK(text_version.error().code == "feedback.outbox.corrupt");
    CHECK(text_version.error().field == "v");
}

TEST_CASE("a malformed entry is skipped and counted, and the others are restored") {
    const std::string text = outbox_json(
        entry_json(k_id_a) + "," + entry_json("not-a-uuid") + "," + entry_json(k_id_b, "7") + "," +
        entry_json(k_id_b, R"("guide")", R"("")") + "," + entry_json(k_id_b, R"("guide")", R"("{}")", "-5") +
        "," + entry_json(k_id_b, R"("guide")", R"("{}")", "1.5") + "," +
        entry_json(k_id_b, R"("guide")", R"("{}")", "1000", "-1") + "," +
        entry_json(k_id_b, R"("guide")", R"("{}")", "99999999999999999999") + ",42,[]");
    auto restored = FeedbackOutbox::from_json(text);
    REQUIRE(restored);
    REQUIRE(restored->size() == 1);
    CHECK(restored->entries()[0].client_id == k_id_a);
    CHECK(restored->counters().skipped_on_restore == 9);
    REQUIRE(restored->restore_problem());
    CHECK(restored->restore_problem()->code == "feedback.outbox.bad_entry");
    CHECK(restored->restore_problem()->field == "/entries/1/client_id");
}

TEST_CASE("each malformed field is named by its JSON pointer") {
    const auto problem_field = [](const std::string& entry) {
        auto restored = FeedbackOutbox::from_json(outbox_json(entry));
        REQUIRE(restored);
        CHECK(restored->empty());
        REQUIRE(restored->restore_problem());
        return restored->restore_problem()->field;
    };
    CHECK(problem_field(entry_json(k_id_a, R"("a b")")) == "/entries/0/kind");
    CHECK(problem_field(entry_json(k_id_a, R"("guide")", "{}")) == "/entries/0/body");
    CHECK(problem_field(entry_json(k_id_a, R"("guide")", '"' + std::string(16 * 1024 + 1, 'x') + '"')) ==
          "/entries/0/body");
    CHECK(problem_field(entry_json(k_id_a, R"("guide")", R"("{}")", R"("1000")")) ==
          "/entries/0/created_at_ms");
    CHECK(problem_field(entry_json(k_id_a, R"("guide")", R"("{}")", "1000", "4294967296")) ==
          "/entries/0/attempts");
    CHECK(problem_field(R"({"client_id":")" + k_id_a +
                        R"(","kind":"guide","body":"{}","created_at_ms":1,"attempts":0})") ==
          "/entries/0/next_attempt_at_ms");
}

TEST_CASE("a malformed last_error is made safe instead of losing the event") {
    std::string entry = entry_json(k_id_a);
    entry.replace(entry.find(R"("last_error":"")"), 15, R"("last_error":"bad <id>")");
    auto restored = FeedbackOutbox::from_json(outbox_json(entry));
    REQUIRE(restored);
    REQUIRE(restored->size() == 1);
    CHECK(restored->entries()[0].last_error == "bad__id_");
    CHECK(restored->counters().skipped_on_restore == 0);

    auto numeric = FeedbackOutbox::from_json(outbox_json(
        entry_json(k_id_a).replace(entry_json(k_id_a).find(R"("last_error":"")"), 15, R"("last_error":17)")));
    REQUIRE(numeric);
    REQUIRE(numeric->size() == 1);
    CHECK(numeric->entries()[0].last_error.empty());
}

TEST_CASE("an event saved twice is restored once, keeping the copy tried more often") {
    const std::string text = outbox_json(entry_json(k_id_a, R"("guide")", R"("{}")", "1000", "1") + "," +
                                         entry_json(k_id_a, R"("guide")", R"("{}")", "1000", "3"));
    auto restored = FeedbackOutbox::from_json(text);
    REQUIRE(restored);
    REQUIRE(restored->size() == 1);
    CHECK(restored->entries()[0].attempts == 3);
    CHECK(restored->counters().skipped_on_restore == 1);
}

TEST_CASE("an uppercase client id in storage is restored in lowercase") {
    std::string upper = k_id_a;
    for (char& c : upper)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto restored = FeedbackOutbox::from_json(outbox_json(entry_json(upper)));
    REQUIRE(restored);
    REQUIRE(restored->size() == 1);
    CHECK(restored->entries()[0].client_id == k_id_a);
}

TEST_CASE("storage holding more than the outbox may keep is trimmed, oldest first") {
    OutboxLimits large;
    large.max_entries = 10;
    FeedbackOutbox outbox(large);
    for (unsigned n = 1; n <= 10; ++n)
        queue(outbox, n, k_now + n);

    OutboxLimits small;
    small.max_entries = 4;
    auto restored = FeedbackOutbox::from_json(outbox.to_json(), small);
    REQUIRE(restored);
    REQUIRE(restored->size() == 4);
    CHECK(restored->entries().front().client_id == client_id(7));
    CHECK(restored->counters().evicted == 6);
    CHECK(restored->counters().skipped_on_restore == 0);
}

TEST_CASE("unknown fields in storage are ignored") {
    std::string entry = entry_json(k_id_a);
    entry.insert(1, R"("future_field":[1,2],)");
    auto restored =
        FeedbackOutbox::from_json(R"({"v":1,"written_by":"2.0","entries":[)" + entry + R"(],"dropped":[]})");
    REQUIRE(restored);
    CHECK(restored->size() == 1);
    CHECK(restored->counters().skipped_on_restore == 0);
}

TEST_CASE("malformed acknowledged and dropped records are skipped without losing events") {
    const std::string text = R"({"v":1,"entries":[)" + entry_json(k_id_a) +
                             R"(],"acknowledged":[{"client_id":"x","at_ms":1},{"client_id":")" + k_id_b +
                             R"(","at_ms":5}],"dropped":7,"paused_until_ms":"soon"})";
    auto restored = FeedbackOutbox::from_json(text);
    REQUIRE(restored);
    CHECK(restored->size() == 1);
    REQUIRE(restored->acknowledged_ids().size() == 1);
    CHECK(restored->acknowledged_ids()[0].client_id == k_id_b);
    CHECK(restored->dropped().empty());
    CHECK(restored->paused_until_ms() == 0);
    CHECK(restored->counters().skipped_on_restore == 3);
}
