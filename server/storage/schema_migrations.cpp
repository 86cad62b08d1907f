#include "server/storage/schema_migrations.h"

#include <array>

namespace support::server {

namespace {

// Feedback: the submission as received (payload, canonical JSON), and beside it the columns that
// staff filter and count by. (site, client_id) is unique: a repeated submission is stored once.
constexpr const char* k_feedback = R"sql(
CREATE TABLE feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    site TEXT NOT NULL,
    client_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    subject TEXT NOT NULL,
    helpful INTEGER,
    page_url TEXT NOT NULL,
    locale TEXT NOT NULL,
    comment TEXT NOT NULL,
    payload TEXT NOT NULL,
    client_time_ms INTEGER NOT NULL,
    received_at_ms INTEGER NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    UNIQUE (site, client_id)
);
CREATE INDEX feedback_by_site_newest ON feedback (site, id DESC);
CREATE INDEX feedback_by_site_kind ON feedback (site, kind, id DESC);
CREATE INDEX feedback_by_site_subject ON feedback (site, subject, id DESC);
CREATE INDEX feedback_by_site_received ON feedback (site, received_at_ms);
)sql";

constexpr std::array<SchemaMigration, 1> k_migrations = {{
    {1, "feedback", k_feedback},
}};

} // namespace

std::span<const SchemaMigration> schema_migrations() {
    return k_migrations;
}

} // namespace support::server
