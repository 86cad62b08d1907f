#pragma once
// The storage schema in PostgreSQL's dialect: the same numbered steps as schema_migrations.cpp
// (same version numbers, same tables, columns and indexes), written for PostgreSQL. A step that
// filled new columns of old rows in SQLite has no such UPDATE here: there was no PostgreSQL store
// before version 7, so no PostgreSQL database holds rows older than its columns.
//
// Applied by migrate_postgres() in one transaction under an advisory lock, so several
// support-server instances starting together on one database migrate it once.

#include "server/storage/postgres_connection.h"
#include "server/storage/schema_migrations.h"

#include <span>

namespace support::server {

std::span<const SchemaMigration> postgres_schema_migrations();

// Errors: storage.schema_too_new, storage.migration_failed.
Result<void> migrate_postgres(PostgresSession& session);
Result<int> read_postgres_schema_version(PostgresSession& session, pqxx::transaction_base& tx);

} // namespace support::server
