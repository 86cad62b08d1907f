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

// Staff: accounts (e-mail unique without regard to case) and their sessions, found by the digest
// of the session token; removing an account ends its sessions.
constexpr const char* k_staff = R"sql(
CREATE TABLE staff (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    role TEXT NOT NULL CHECK (role IN ('admin', 'agent')),
    password_hash TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE TABLE staff_sessions (
    token_digest TEXT PRIMARY KEY,
    staff_id INTEGER NOT NULL REFERENCES staff (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL,
    last_seen_at_ms INTEGER NOT NULL
);
CREATE INDEX staff_sessions_by_staff ON staff_sessions (staff_id);
)sql";

constexpr std::array<SchemaMigration, 2> k_migrations = {{
    {1, "feedback", k_feedback},
    {2, "staff", k_staff},
}};

} // namespace

std::span<const SchemaMigration> schema_migrations() {
    return k_migrations;
}

} // namespace support::server
