// The storage suite: written against the Storage interface only, so every implementation runs it
// unchanged (STORAGE_TEST_CASE runs each test on SQLite and on PostgreSQL); the few tests of what
// only one store has say so in their names.

#include "catch_amalgamated.hpp"
#include "server/storage/schema_migrations.h"

#include "server/storage/storage.h"
#include "shared/core/protocol/uuid.h"
#include "store_fixtures.h"

#include <sqlite3.h>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace support;
using namespace support::server;
using namespace support::server::test;

STORAGE_TEST_CASE(
    "storage: a new store is migrated to the newest schema, and reopening applies nothing twice",
    "[storage]") {
    StoreLocation location(TestType::backend);
    {
        auto storage = location.open();
        REQUIRE(storage.has_value());
        CHECK((*storage)->backend_name() == (TestType::backend == Backend::Sqlite
                                                 ? std::string_view("sqlite")
                                                 : std::string_view("postgresql")));
        auto version = (*storage)->schema_version();
        REQUIRE(version.has_value());
        CHECK(*version == schema_migrations().back().version);
    }
    auto reopened = location.open();
    REQUIRE(reopened.has_value());
    CHECK((*reopened)->schema_version().value() == schema_migrations().back().version);
}

// Writes a row into schema_migrations the way a newer release would, through the store's own client.
void record_future_migration(const StoreLocation& location) {
    if (location.backend() == Backend::Postgresql) {
        REQUIRE(run_postgres_sql(location.spec(),
                                 "INSERT INTO schema_migrations VALUES (99, 'from the future', 0)") == "");
        return;
    }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(location.spec().c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, "INSERT INTO schema_migrations VALUES (99, 'from the future', 0)", nullptr,
                         nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

STORAGE_TEST_CASE("storage: a database written by a newer release is refused, not written to", "[storage]") {
    StoreLocation location(TestType::backend);
    { REQUIRE(location.open().has_value()); }
    record_future_migration(location);
    auto refused = location.open();
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == "storage.schema_too_new");
    CHECK(refused.error().message.find("99") != std::string::npos);
}

TEST_CASE("storage: a PostgreSQL server that cannot be reached is a clear error naming the reason",
          "[storage][postgresql]") {
    // Port 1: nothing listens there.
    auto refused = open_storage("postgresql://support@127.0.0.1:1/support?connect_timeout=2");
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == "storage.open_failed");
    CHECK(refused.error().message.find("127.0.0.1") != std::string::npos);
}

TEST_CASE("storage: after PostgreSQL cut every connection (a restart, a failover) reads and feedback go on",
          "[storage][postgresql]") {
    PostgresTestDatabase database;
    auto store = std::move(open_storage(database.url()).value());
    REQUIRE(insert(*store, article_vote("demo", 1, true)).has_value());
    REQUIRE(store->count_feedback("demo").value() == 1); // a pooled connection, now idle
    REQUIRE(run_postgres_sql(postgres_test_cluster_url(),
                             "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" +
                                 database.name() + "'") == "");
    const auto counted = store->count_feedback("demo");
    INFO((counted ? std::string() : counted.error().code + ": " + counted.error().message));
    REQUIRE(counted.has_value()); // read again on a new connection
    CHECK(*counted == 1);
    const auto stored = insert(*store, article_vote("demo", 2, false));
    REQUIRE(stored.has_value()); // the writer's connection was cut too
    CHECK(stored->outcome == InsertOutcome::Stored);
    CHECK(store->count_feedback("demo").value() == 2);
}

TEST_CASE("storage: a PostgreSQL address is printed without its password", "[storage][postgresql]") {
    CHECK(printable_store_address("postgresql://support:s3cret@db.internal:5432/support?sslmode=require") ==
          "postgresql://support:***@db.internal:5432/support?sslmode=require");
    CHECK(printable_store_address("postgres://support@db/support?password=s3cret&sslmode=require") ==
          "postgres://support@db/support?password=***&sslmode=require");
    CHECK(printable_store_address("var/support.db") == "var/support.db");
}

TEST_CASE("storage: a PostgreSQL database that does not exist is storage.open_failed",
          "[storage][postgresql]") {
    PostgresTestDatabase existing;
    std::string missing = existing.url();
    missing.replace(missing.find(existing.name()), existing.name().size(), existing.name() + "_missing");
    auto refused = open_storage(missing);
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == "storage.open_failed");
    CHECK(refused.error().message.find("does not exist") != std::string::npos);
}

TEST_CASE("storage: two PostgreSQL stores opening one new database at once migrate it once",
          "[storage][postgresql]") {
    PostgresTestDatabase database;
    auto first = std::async(std::launch::async, [&] { return open_storage(database.url()); });
    auto second = std::async(std::launch::async, [&] { return open_storage(database.url()); });
    auto a = first.get();
    auto b = second.get();
    REQUIRE(a.has_value());
    REQUIRE(b.has_value());
    CHECK((*a)->schema_version().value() == schema_migrations().back().version);
    CHECK((*b)->schema_version().value() == schema_migrations().back().version);
}

TEST_CASE("storage: a SQLite file that cannot be created is storage.open_failed", "[storage]") {
    StoreLocation location;
    location.dir().write("blocker", "a file where a folder should be");
    auto refused = open_storage((location.dir().path() / "blocker" / "support.db").string());
    REQUIRE_FALSE(refused.has_value());
    CHECK(refused.error().code == "storage.open_failed");
}

STORAGE_TEST_CASE("storage: the same client id is stored once; a repeat gets the original answer",
                  "[storage]") {
    StoreLocation location(TestType::backend);
    auto storage = std::move(location.open().value());
    auto first = insert(*storage, article_vote("demo", 1, false, "לא מצאתי משלוח לאילת"));
    REQUIRE(first.has_value());
    CHECK(first->outcome == InsertOutcome::Stored);

    NewFeedback again = article_vote("demo", 1, false, "לא מצאתי משלוח לאילת");
    again.received_at_ms += 5'000; // a retry arrives later
    auto repeat = insert(*storage, again);
    REQUIRE(repeat.has_value());
    CHECK(repeat->outcome == InsertOutcome::Duplicate);
    CHECK(repeat->feedback_id == first->feedback_id);
    CHECK(repeat->received_at_ms == first->received_at_ms);

    auto conflict = insert(*storage, article_vote("demo", 1, true));
    REQUIRE(conflict.has_value());
    CHECK(conflict->outcome == InsertOutcome::Conflict);
    CHECK(conflict->feedback_id == first->feedback_id);
    CHECK(storage->count_feedback("demo").value() == 1);

    // The same client id on another site is another event.
    auto other_site = insert(*storage, article_vote("other-shop", 1, false));
    REQUIRE(other_site.has_value());
    CHECK(other_site->outcome == InsertOutcome::Stored);
    CHECK(storage->count_feedback("other-shop").value() == 1);
}

STORAGE_TEST_CASE("storage: feedback reads back exactly as written, comments untouched", "[storage]") {
    StoreLocation location(TestType::backend);
    auto storage = std::move(location.open().value());
    const NewFeedback written =
        article_vote("demo", 7, false, "<script>alert(1)</script> & \"quotes\" — שלום");
    const auto stored = insert(*storage, written);
    REQUIRE(stored.has_value());
    auto found = storage->find_feedback_by_client_id("demo", written.submission.client_id);
    REQUIRE(found.has_value());
    REQUIRE(found->has_value());
    CHECK((*found)->id == stored->feedback_id);
    CHECK((*found)->submission == written.submission);
    CHECK((*found)->received_at_ms == written.received_at_ms);
    CHECK((*found)->status == FeedbackStatus::New);
    auto by_id = storage->find_feedback("demo", stored->feedback_id);
    REQUIRE(by_id.has_value());
    REQUIRE(by_id->has_value());
    CHECK((*by_id)->submission.comment == written.submission.comment);
    CHECK_FALSE(storage->find_feedback("other-shop", stored->feedback_id).value().has_value());
}

STORAGE_TEST_CASE("storage: lists are newest first, filtered, and page by the last id seen", "[storage]") {
    StoreLocation location(TestType::backend);
    auto storage = std::move(location.open().value());
    for (int n = 0; n < 25; ++n)
        REQUIRE(insert(*storage, article_vote("demo", n, n % 2 == 0)).has_value());
    REQUIRE(insert(*storage, article_vote("other-shop", 100, true)).has_value());

    FeedbackQuery query;
    query.site = "demo";
    query.limit = 10;
    std::vector<std::int64_t> seen;
    for (int page_number = 0; page_number < 5; ++page_number) {
        auto page = storage->list_feedback(query);
        REQUIRE(page.has_value());
        for (const auto& item : page->items) {
            CHECK(item.site == "demo");
            seen.push_back(item.id);
        }
        if (!page->more)
            break;
        query.after_id = page->items.back().id;
    }
    REQUIRE(seen.size() == 25);
    CHECK(std::is_sorted(seen.rbegin(), seen.rend())); // newest first
    CHECK(std::adjacent_find(seen.begin(), seen.end()) == seen.end());

    FeedbackQuery unhappy;
    unhappy.site = "demo";
    unhappy.helpful = false;
    auto page = storage->list_feedback(unhappy);
    REQUIRE(page.has_value());
    CHECK(page->items.size() == 12);
    for (const auto& item : page->items)
        CHECK(item.submission.helpful == false);
}

STORAGE_TEST_CASE("storage: a reopened database keeps everything that was acknowledged", "[storage]") {
    StoreLocation location(TestType::backend);
    std::vector<std::int64_t> acknowledged;
    {
        auto storage = std::move(location.open().value());
        for (int n = 0; n < 50; ++n) {
            auto result =
                insert(*storage, article_vote("demo", n, n % 3 == 0, "comment " + std::to_string(n)));
            REQUIRE(result.has_value());
            acknowledged.push_back(result->feedback_id);
        }
    }
    auto reopened = std::move(location.open().value());
    CHECK(reopened->count_feedback("demo").value() == 50);
    for (int n = 0; n < 50; ++n) {
        auto found = reopened->find_feedback_by_client_id("demo", client_id(n));
        REQUIRE(found.has_value());
        REQUIRE(found->has_value());
        CHECK((*found)->id == acknowledged[static_cast<std::size_t>(n)]);
        CHECK((*found)->submission.comment == "comment " + std::to_string(n));
    }
}

STORAGE_TEST_CASE("storage: writes from many threads at once are each answered once and all kept",
                  "[storage]") {
    StoreLocation location(TestType::backend);
    auto storage = std::move(location.open().value());
    constexpr int k_threads = 8;
    constexpr int k_per_thread = 250;
    std::atomic<int> answered{0};
    std::atomic<int> failed{0};
    std::mutex mutex;
    std::condition_variable all_answered;
    std::vector<std::thread> writers;
    for (int t = 0; t < k_threads; ++t) {
        writers.emplace_back([&, t] {
            for (int i = 0; i < k_per_thread; ++i) {
                storage->insert_feedback(article_vote("demo", t * k_per_thread + i, true),
                                         [&](Result<FeedbackInsertResult> result) {
                                             if (!result || result->outcome != InsertOutcome::Stored)
                                                 ++failed;
                                             std::lock_guard lock(mutex);
                                             ++answered;
                                             all_answered.notify_all();
                                         });
            }
        });
    }
    for (auto& writer : writers)
        writer.join();
    std::unique_lock lock(mutex);
    REQUIRE(all_answered.wait_for(lock, std::chrono::seconds(60),
                                  [&] { return answered == k_threads * k_per_thread; }));
    CHECK(failed == 0);
    CHECK(storage->count_feedback("demo").value() == k_threads * k_per_thread);
}

STORAGE_TEST_CASE("storage: closing the store answers every queued write before it returns", "[storage]") {
    StoreLocation location(TestType::backend);
    std::atomic<int> answered{0};
    {
        auto storage = std::move(location.open().value());
        for (int n = 0; n < 200; ++n)
            storage->insert_feedback(article_vote("demo", n, true), [&](Result<FeedbackInsertResult> result) {
                answered += result ? 1 : 0;
            });
    }
    CHECK(answered == 200);
    CHECK(location.open().value()->count_feedback("demo").value() == 200);
}

namespace {

NewStaffAccount staff_account(std::string email, StaffRole role = StaffRole::Agent) {
    return NewStaffAccount{std::move(email), role, "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$aGFzaA",
                           1'764'825'000'000};
}

NewStaffSession staff_session(std::string digest, std::int64_t staff_id, std::int64_t at_ms) {
    return NewStaffSession{std::move(digest), staff_id, "csrf-" + std::to_string(at_ms), at_ms};
}

} // namespace

STORAGE_TEST_CASE("storage: staff accounts are unique by e-mail without regard to case, listed and removed",
                  "[storage][staff]") {
    StoreLocation location(TestType::backend);
    auto storage = location.open().value();
    auto dana = storage->add_staff(staff_account("Dana@Shop.example", StaffRole::Admin));
    REQUIRE(dana.has_value());
    CHECK(dana->id > 0);
    auto again = storage->add_staff(staff_account("dana@shop.EXAMPLE"));
    REQUIRE_FALSE(again.has_value());
    CHECK(again.error().code == "storage.staff_exists");
    CHECK(again.error().field == "email");
    REQUIRE(storage->add_staff(staff_account("avi@shop.example")).has_value());

    auto listed = storage->list_staff().value();
    REQUIRE(listed.size() == 2);
    CHECK(listed[0].email == "avi@shop.example");
    CHECK(listed[1].email == "Dana@Shop.example"); // kept as given
    CHECK(listed[1].role == StaffRole::Admin);
    CHECK(storage->find_staff("DANA@shop.example").value()->id == dana->id);

    CHECK(storage->remove_staff("avi@SHOP.example").value());
    CHECK_FALSE(storage->remove_staff("avi@shop.example").value());
    CHECK(storage->list_staff().value().size() == 1);
}

STORAGE_TEST_CASE("storage: a staff session is found by its digest until it ends, with its account",
                  "[storage][staff]") {
    StoreLocation location(TestType::backend);
    auto storage = location.open().value();
    const auto dana = storage->add_staff(staff_account("dana@shop.example")).value();
    REQUIRE(storage->add_staff_session(staff_session("digest-1", dana.id, 1000)).has_value());
    REQUIRE(storage->add_staff_session(staff_session("digest-2", dana.id, 2000)).has_value());

    auto found = storage->find_staff_session("digest-1").value();
    REQUIRE(found.has_value());
    CHECK(found->staff.email == "dana@shop.example");
    CHECK(found->csrf_token == "csrf-1000");
    CHECK(found->last_seen_at_ms == 1000);
    REQUIRE(storage->touch_staff_session("digest-1", 5000).has_value());
    CHECK(storage->find_staff_session("digest-1").value()->last_seen_at_ms == 5000);
    CHECK_FALSE(storage->find_staff_session("no-such-digest").value().has_value());

    REQUIRE(storage->remove_staff_session("digest-1").has_value());
    CHECK_FALSE(storage->find_staff_session("digest-1").value().has_value());
    CHECK(storage->find_staff_session("digest-2").value().has_value());

    // A new password ends every session of the account; so does removing it.
    CHECK(storage->set_staff_password("dana@shop.example", "$argon2id$new").value());
    CHECK_FALSE(storage->find_staff_session("digest-2").value().has_value());
    CHECK(storage->find_staff("dana@shop.example").value()->password_hash == "$argon2id$new");
    REQUIRE(storage->add_staff_session(staff_session("digest-3", dana.id, 3000)).has_value());
    CHECK(storage->remove_staff("dana@shop.example").value());
    CHECK_FALSE(storage->find_staff_session("digest-3").value().has_value());
    CHECK_FALSE(storage->set_staff_password("dana@shop.example", "x").value());
}

STORAGE_TEST_CASE("storage: stale staff sessions go, idle or too old, and survive a reopen otherwise",
                  "[storage][staff]") {
    StoreLocation location(TestType::backend);
    {
        auto storage = location.open().value();
        const auto dana = storage->add_staff(staff_account("dana@shop.example")).value();
        REQUIRE(storage->add_staff_session(staff_session("idle", dana.id, 1000)).has_value());
        REQUIRE(storage->add_staff_session(staff_session("old", dana.id, 500)).has_value());
        REQUIRE(storage->touch_staff_session("old", 9000).has_value());
        REQUIRE(storage->add_staff_session(staff_session("fresh", dana.id, 8000)).has_value());
        CHECK(storage->remove_stale_staff_sessions(/*idle_before*/ 2000, /*created_before*/ 600).value() ==
              2);
    }
    auto reopened = location.open().value();
    CHECK(reopened->find_staff_session("fresh").value().has_value());
    CHECK_FALSE(reopened->find_staff_session("idle").value().has_value());
    CHECK_FALSE(reopened->find_staff_session("old").value().has_value());
}

STORAGE_TEST_CASE("storage: a sign-in bucket starts fresh, keeps each change across a reopen, and stale "
                  "ones go",
                  "[storage][staff]") {
    StoreLocation location(TestType::backend);
    {
        auto storage = location.open().value();
        SignInBucket seen;
        REQUIRE(storage
                    ->change_sign_in_bucket("ip:10.0.0.1", {5, 1000},
                                            [&](SignInBucket& bucket) {
                                                seen = bucket;
                                                bucket = {3.25, 2000};
                                            })
                    .has_value());
        CHECK(seen.tokens == 5);
        CHECK(seen.updated_at_ms == 1000);
        REQUIRE(storage
                    ->change_sign_in_bucket("account:dana@shop.example", {5, 4000},
                                            [](SignInBucket& bucket) { bucket.tokens -= 1; })
                    .has_value());
    }
    auto reopened = location.open().value();
    const auto read = [&](const std::string& key) {
        SignInBucket seen{-1, -1};
        REQUIRE(reopened->change_sign_in_bucket(key, {9, 9}, [&](SignInBucket& bucket) { seen = bucket; })
                    .has_value());
        return seen;
    };
    CHECK(read("ip:10.0.0.1").tokens == 3.25);
    CHECK(read("ip:10.0.0.1").updated_at_ms == 2000);
    CHECK(read("account:dana@shop.example").tokens == 4);

    CHECK(reopened->remove_sign_in_buckets_before(3000).value() == 1);
    CHECK(read("ip:10.0.0.1").tokens == 9); // fresh again
    CHECK(read("account:dana@shop.example").tokens == 4);
}

STORAGE_TEST_CASE("storage: two stores on one database change a sign-in bucket in turn, losing no change",
                  "[storage][staff]") {
    StoreLocation location(TestType::backend);
    auto first = location.open().value();
    auto second = location.open().value();
    constexpr int k_changes = 40;
    std::atomic<int> failed{0}; // counted here: Catch2's assertions are not for other threads
    const auto spend = [&](Storage& storage) {
        for (int i = 0; i < k_changes; ++i)
            if (!storage.change_sign_in_bucket("account:avi@shop.example", {1000, 0},
                                               [](SignInBucket& bucket) { bucket.tokens -= 1; }))
                ++failed;
    };
    std::thread one([&] { spend(*first); });
    std::thread two([&] { spend(*second); });
    one.join();
    two.join();
    CHECK(failed == 0);
    SignInBucket left;
    REQUIRE(first->change_sign_in_bucket("account:avi@shop.example", {}, [&](SignInBucket& b) { left = b; })
                .has_value());
    CHECK(left.tokens == 1000 - 2 * k_changes);
}
