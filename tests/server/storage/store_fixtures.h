#pragma once
// What the storage suites share: a store that can be opened, closed and opened again — a SQLite
// file or a PostgreSQL database of its own — feedback to put in it, and a blocking insert.
//
// A suite's test runs once per store:
//   STORAGE_TEST_CASE("storage: …", "[storage]") {
//       StoreLocation location(TestType::backend);

#include "catch_amalgamated.hpp"
#include "postgres_test_database.h"
#include "server/storage/storage.h"
#include "shared/core/protocol/uuid.h"
#include "temp_dir.h"

#include <array>
#include <future>
#include <memory>
#include <string>

namespace support::server::test {

enum class Backend : std::uint8_t { Sqlite, Postgresql };

struct OnSqlite {
    static constexpr Backend backend = Backend::Sqlite;
};
struct OnPostgresql {
    static constexpr Backend backend = Backend::Postgresql;
};

// Each test of a storage suite, once per store (" - OnSqlite", " - OnPostgresql" in its name).
#define STORAGE_TEST_CASE(name, tags)                                                                        \
    TEMPLATE_TEST_CASE(name, tags, ::support::server::test::OnSqlite, ::support::server::test::OnPostgresql)

// A place for one store that can be opened, closed and opened again.
class StoreLocation {
  public:
    explicit StoreLocation(Backend backend = Backend::Sqlite) : m_backend(backend) {
        if (backend == Backend::Postgresql)
            m_database = std::make_unique<PostgresTestDatabase>();
    }
    Backend backend() const { return m_backend; }
    std::string spec() const {
        return m_database ? m_database->url() : (m_dir.path() / "var" / "support.db").string();
    }
    Result<std::unique_ptr<Storage>> open() const { return open_storage(spec()); }
    const TempDir& dir() const { return m_dir; }

  private:
    Backend m_backend;
    TempDir m_dir;
    std::unique_ptr<PostgresTestDatabase> m_database;
};

inline std::string client_id(int n) {
    std::array<std::uint8_t, 16> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>((n >> ((i % 4) * 8)) + i * 17);
    return protocol::format_uuid_v4(bytes);
}

inline NewFeedback article_vote(std::string site, int n, bool helpful, std::string comment = {}) {
    NewFeedback feedback;
    feedback.site = std::move(site);
    feedback.received_at_ms = 1'764'825'000'000 + n;
    auto& s = feedback.submission;
    s.client_id = client_id(n);
    s.kind = protocol::FeedbackKind::ArticleHelpful;
    s.locale = "he";
    s.client_time_ms = 1'764'824'999'000 + n;
    s.subject = "shipping-policy";
    s.helpful = helpful;
    s.comment = std::move(comment);
    s.context.page_url = "https://shop.example/products/mug";
    s.context.page_title = "ספל קרמיקה";
    return feedback;
}

// A conversation opened at `at_ms` on a Hebrew order-status page.
inline NewConversation new_conversation(std::string id, std::string site = "demo",
                                        std::int64_t at_ms = 1'764'900'000'000) {
    NewConversation c;
    c.id = std::move(id);
    c.site = std::move(site);
    c.token_digest = "digest-of-" + c.id;
    c.locale = "he";
    c.page_url = "https://shop.example/order-status";
    c.created_at_ms = at_ms;
    return c;
}

// Inserts and waits for the durable answer.
inline Result<FeedbackInsertResult> insert(Storage& storage, NewFeedback feedback) {
    std::promise<Result<FeedbackInsertResult>> answered;
    auto answer = answered.get_future();
    storage.insert_feedback(std::move(feedback), [&](Result<FeedbackInsertResult> result) {
        answered.set_value(std::move(result));
    });
    return answer.get();
}

} // namespace support::server::test
