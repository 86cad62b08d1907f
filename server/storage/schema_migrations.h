#pragma once
// The storage schema as numbered steps (SQLite's dialect; the PostgreSQL store carries its own
// text for each step, postgres_schema.h).
// At start the server applies, in one transaction per step, every step above the version the
// database records in schema_migrations; a database newer than this binary knows is refused
// (storage.schema_too_new) rather than written to by code that does not understand it.
// Steps are only ever appended: an applied step is never edited.

#include "shared/core/result.h"

#include <span>

namespace support::server {

struct SchemaMigration {
    int version;
    const char* name;
    const char* sql;
};

std::span<const SchemaMigration> schema_migrations();

// storage.schema_too_new when a database records `current`, above the last of `known`; ok otherwise.
Result<void> refuse_newer_schema(int current, std::span<const SchemaMigration> known);

inline constexpr const char* k_sqlite_migrations_table =
    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at_ms INTEGER NOT NULL)";

} // namespace support::server
