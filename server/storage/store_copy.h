#pragma once
// Moves a SQLite store's data into an empty PostgreSQL store (support-server migrate-db): both
// are opened and migrated to the newest schema first, then every table is copied row by row in one
// PostgreSQL transaction, ids kept, identity counters moved past the highest id; before it commits,
// each table is read back on both sides and compared by row count and a checksum of its rows. Any
// difference, or a target that holds data already, rolls everything back.
//
// Errors: storage.open_failed, storage.migration_failed, migrate.target_not_empty,
// migrate.mismatch (a table differs after the copy), storage.write_failed.

#include "shared/core/result.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace support::server {

struct TableCopy {
    std::string table;
    std::int64_t rows = 0;
    std::string checksum; // 16 hex digits, the same on both sides; independent of row order
};

Result<std::vector<TableCopy>> copy_sqlite_store_to_postgres(std::string_view sqlite_path,
                                                             std::string_view postgres_url);

// The tables copied, in an order their foreign keys allow.
std::vector<std::string> copied_tables();

} // namespace support::server
