// Upgrading a SQLite store written by an earlier release: what was stored before a migration is
// found and counted by what the migration adds.

#include "catch_amalgamated.hpp"

#include "server/storage/schema_migrations.h"
#include "store_fixtures.h"

#include <sqlite3.h>

using namespace support;
using namespace support::server;
using namespace support::server::test;

namespace {

void run(sqlite3* db, const std::string& sql) {
    char* message = nullptr;
    const int status = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    INFO((message ? message : ""));
    sqlite3_free(message);
    REQUIRE(status == SQLITE_OK);
}

std::string sql_literal(std::string_view text) {
    std::string out = "'";
    for (char c : text) {
        out += c;
        if (c == '\'')
            out += '\'';
    }
    return out + "'";
}

// A store as release with schema version `version` left it, holding `rows`.
void write_store_at_version(const StoreLocation& location, int version,
                            const std::vector<NewFeedback>& rows) {
    std::filesystem::create_directories(std::filesystem::path(location.spec()).parent_path());
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(location.spec().c_str(), &db) == SQLITE_OK);
    run(db, k_sqlite_migrations_table);
    for (const auto& migration : schema_migrations()) {
        if (migration.version > version)
            break;
        run(db, migration.sql);
        run(db, "INSERT INTO schema_migrations VALUES (" + std::to_string(migration.version) + ", '" +
                    migration.name + "', 0)");
    }
    int n = 0;
    for (const auto& row : rows) {
        const auto& s = row.submission;
        run(db, "INSERT INTO feedback (site, client_id, kind, subject, helpful, page_url, locale, comment, "
                "payload, "
                "client_time_ms, received_at_ms) VALUES (" +
                    sql_literal(row.site) + ", " + sql_literal(s.client_id) + ", " +
                    sql_literal(protocol::feedback_kind_name(s.kind)) + ", " + sql_literal(s.subject) + ", " +
                    (s.helpful ? std::to_string(*s.helpful ? 1 : 0) : "NULL") + ", " +
                    sql_literal(s.context.page_url) + ", " + sql_literal(s.locale) + ", " +
                    sql_literal(s.comment) + ", " + sql_literal(protocol::encode_feedback_submission(s)) +
                    ", 0, " + std::to_string(++n) + ")");
    }
    sqlite3_close(db);
}

} // namespace

TEST_CASE(
    "sqlite migration 3: feedback stored before triage is searchable, taggable and counted by guide step",
    "[storage][triage]") {
    StoreLocation location;
    auto vote = article_vote("demo", 1, false, "אֵין משלוח לאילת");
    NewFeedback guide = article_vote("demo", 2, true);
    guide.submission.kind = protocol::FeedbackKind::Guide;
    guide.submission.helpful.reset();
    guide.submission.subject = "track-order";
    guide.submission.outcome = protocol::GuideOutcome::Abandoned;
    guide.submission.step = "enter-number";
    guide.submission.step_number = 2;
    write_store_at_version(location, 2, {vote, guide});

    auto storage = std::move(location.open().value());
    CHECK(storage->schema_version().value() == schema_migrations().back().version);
    FeedbackQuery query;
    query.text = "אין משלוח";
    const auto page = storage->list_feedback(query).value();
    REQUIRE(page.items.size() == 1);
    CHECK(page.items[0].submission.comment == "אֵין משלוח לאילת");
    query.text = "SHOP.EXAMPLE/PRODUCTS";
    CHECK(storage->list_feedback(query).value().items.size() == 2);

    const auto insights = storage->feedback_insights({}).value();
    REQUIRE(insights.guides.size() == 1);
    REQUIRE(insights.guides[0].steps.size() == 1);
    CHECK(insights.guides[0].steps[0].step == "enter-number");
    CHECK(insights.guides[0].steps[0].step_number == 2);

    CHECK(storage->apply_triage({page.items[0].id, TriageAction::AddTag, "shipping", "dana@shop.example", 1})
              .value() == TriageOutcome::Applied);
}

TEST_CASE("sqlite migration 4: a store from before chat (here: before triage) keeps its feedback and takes "
          "conversations",
          "[storage][chat]") {
    StoreLocation location;
    write_store_at_version(
        location, 2, {article_vote("demo", 1, true, "fine")}); // migration 3 needs the store's SQL functions
    auto storage = std::move(location.open().value());
    CHECK(storage->schema_version().value() == schema_migrations().back().version);
    CHECK(storage->count_feedback("demo").value() == 1);
    NewConversation conversation;
    conversation.id = "c-1";
    conversation.site = "demo";
    conversation.token_digest = "d";
    conversation.locale = "en";
    conversation.page_url = "https://shop.example/";
    conversation.created_at_ms = 1;
    REQUIRE(storage->create_conversation(conversation));
    ChatEventDraft hello;
    hello.conversation_id = "c-1";
    hello.event.message.client_id = "s-1";
    hello.event.message.text = "hello";
    hello.event.at_ms = 2;
    CHECK(storage->append_chat_event(hello).value().event.seq == 1);
}
