#pragma once
// The storage schema as numbered steps (SQLite's dialect; the PostgreSQL store will carry its own
// text for each step).
// At start the server applies, in one transaction per step, every step above the version the
// database records in schema_migrations; a database newer than this binary knows is refused
// (storage.schema_too_new) rather than written to by code that does not understand it.
// Steps are only ever appended: an applied step is never edited.

#include <span>

namespace support::server {

struct SchemaMigration {
    int version;
    const char* name;
    const char* sql;
};

std::span<const SchemaMigration> schema_migrations();

inline constexpr const char* k_sqlite_migrations_table =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at_ms INTEGER NOT NULL)";

} // namespace support::server
