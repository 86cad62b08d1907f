// support-server migrate-db: a SQLite store full of what a shop collects moves into an empty
// PostgreSQL database and reads back identical through the same Storage interface the server uses
// (and the command's own per-table rows and checksums agree on both sides); a database holding data
// already is refused and left untouched.

#include "catch_amalgamated.hpp"

#include "server/commands/exit_codes.h"
#include "server/commands/migrate_db_command.h"
#include "server/storage/store_copy.h"
#include "store_fixtures.h"

#include <sstream>

using namespace support;
using namespace support::server;
using namespace support::server::test;

namespace {

struct CommandRun {
    int exit_code = 0;
    std::string out;
    std::string err;
};

CommandRun migrate(const std::string& from, const std::string& to) {
    std::ostringstream out;
    std::ostringstream err;
    const std::vector<std::string> owned{"--from", from, "--to", to};
    const std::vector<std::string_view> args(owned.begin(), owned.end());
    const int code = run_migrate_db(args, out, err);
    return {code, out.str(), err.str()};
}

// Feedback with triage, staff with a session, chats with events, one erasure.
void fill(Storage& store) {
    for (int n = 1; n <= 450; ++n) { // more than one insert batch of the copy
        auto vote =
            article_vote(n % 3 ? "demo" : "other", n, n % 4 != 0, n % 5 ? "" : "לא עזר, ההזמנה תקועה");
        vote.shopper_digest = n % 7 ? "" : "digest-" + std::to_string(n % 2);
        REQUIRE(insert(store, vote).has_value());
    }
    REQUIRE(store.apply_triage({3, TriageAction::SetStatus, "in_progress", "dana@shop.example", 100})
                .has_value());
    REQUIRE(store.apply_triage({3, TriageAction::AddTag, "shipping", "dana@shop.example", 101}).has_value());
    REQUIRE(
        store.apply_triage({3, TriageAction::AddNote, "ענינו במייל", "dana@shop.example", 102}).has_value());
    REQUIRE(store.apply_triage({8, TriageAction::AddTag, "refund", "omar@shop.example", 103}).has_value());
    const auto staff = store.add_staff({"Dana.Levi@shop.example", StaffRole::Admin, "$argon2id$hash", 5});
    REQUIRE(staff.has_value());
    REQUIRE(store.add_staff_session({"session-digest", staff->id, "csrf", 6}).has_value());
    for (int c = 0; c < 3; ++c) {
        REQUIRE(store.create_conversation(new_conversation("conv-" + std::to_string(c))).has_value());
        for (int m = 0; m < 4; ++m) {
            chat::ChatEvent event;
            event.kind = chat::ChatEvent::Kind::Message;
            event.message.client_id = "m-" + std::to_string(m);
            event.message.text = "שלום " + std::to_string(m);
            event.message.author = chat::Author::Shopper;
            event.at_ms = 1'764'900'000'000 + m;
            REQUIRE(store.append_chat_event({"conv-" + std::to_string(c), event}).has_value());
        }
    }
    REQUIRE(store.forget_shopper("demo", "digest-0", 200).has_value());
}

FeedbackQuery everything() {
    FeedbackQuery query;
    query.order = FeedbackOrder::OldestFirst;
    query.limit = 10'000;
    return query;
}

} // namespace

TEST_CASE("migrate-db: a SQLite store's data reads back identical from PostgreSQL",
          "[commands][postgresql]") {
    StoreLocation sqlite;
    StoreLocation postgres(Backend::Postgresql);
    {
        auto source = sqlite.open();
        REQUIRE(source.has_value());
        fill(**source);
    }
    const auto run = migrate("sqlite:" + sqlite.spec(), postgres.spec());
    INFO(run.out << run.err);
    REQUIRE(run.exit_code == k_exit_ok);
    for (const std::string& table : copied_tables())
        CHECK(run.out.find(table + ": ") != std::string::npos);
    CHECK(run.out.find("on both sides") != std::string::npos);

    auto from = std::move(sqlite.open().value());
    auto to = std::move(postgres.open().value());
    const auto before = from->list_feedback(everything()).value();
    const auto after = to->list_feedback(everything()).value();
    REQUIRE(before.items.size() > 400);
    REQUIRE(after.items.size() == before.items.size());
    for (std::size_t i = 0; i < before.items.size(); ++i) {
        const StoredFeedback& a = before.items[i];
        const StoredFeedback& b = after.items[i];
        CHECK(a.id == b.id);
        CHECK(a.site == b.site);
        CHECK(a.submission == b.submission);
        CHECK(a.received_at_ms == b.received_at_ms);
        CHECK(a.status == b.status);
        CHECK(a.tags == b.tags);
    }
    const auto detail = to->find_feedback_detail(3).value();
    REQUIRE(detail.has_value());
    REQUIRE(detail->activity.size() == 3);
    CHECK(detail->activity[2].value == "ענינו במייל");
    CHECK(to->list_staff().value().size() == 1);
    CHECK(to->find_staff_session("session-digest").value()->staff.email == "Dana.Levi@shop.example");
    for (int c = 0; c < 3; ++c) {
        const std::string id = "conv-" + std::to_string(c);
        CHECK(to->find_conversation(id).value() == from->find_conversation(id).value());
        CHECK(to->chat_events_after(id, 0, 100).value() == from->chat_events_after(id, 0, 100).value());
    }

    // New rows continue after the copied ids instead of colliding with them.
    const auto added = insert(*to, article_vote("demo", 9'999, true));
    REQUIRE(added.has_value());
    CHECK(added->outcome == InsertOutcome::Stored);
    CHECK(added->feedback_id > before.items.back().id);
    const auto staff = to->add_staff({"omar@shop.example", StaffRole::Agent, "$argon2id$hash", 7});
    REQUIRE(staff.has_value());
}

TEST_CASE("migrate-db: a PostgreSQL database that holds data is refused and left as it was",
          "[commands][postgresql]") {
    StoreLocation sqlite;
    StoreLocation postgres(Backend::Postgresql);
    {
        auto source = sqlite.open();
        REQUIRE(source.has_value());
        REQUIRE(insert(**source, article_vote("demo", 1, true)).has_value());
        auto target = postgres.open();
        REQUIRE(target.has_value());
        REQUIRE(insert(**target, article_vote("demo", 2, false)).has_value());
    }
    const auto run = migrate("sqlite:" + sqlite.spec(), postgres.spec());
    CHECK(run.exit_code == k_exit_failure);
    CHECK(run.err.find("migrate.target_not_empty") != std::string::npos);
    auto target = std::move(postgres.open().value());
    CHECK(target->count_feedback("demo").value() == 1);
}

TEST_CASE("migrate-db: bad arguments name the option", "[commands]") {
    CHECK(migrate("/var/support.db", "postgresql://x/y").err.find("migrate.args.bad_from") !=
          std::string::npos);
    CHECK(migrate("sqlite:/var/support.db", "/tmp/x.db").err.find("migrate.args.bad_to") !=
          std::string::npos);
    CHECK(migrate("sqlite:/nonexistent/support.db", "postgresql://support@127.0.0.1:1/x").exit_code ==
          k_exit_failure);
}
