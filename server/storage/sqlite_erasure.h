#pragma once
// Forgetting a shopper in SQL (schema_migrations.cpp, migration 7): what one browser's shopper key
// gave — feedback with its tags and activity, conversations with their events (ON DELETE CASCADE) —
// deleted and the erasure recorded, in one transaction on the caller's connection (SqliteStorage's
// staff writer).

#include "server/storage/sqlite_connection.h"
#include "shared/core/protocol/shopper_key.h"
#include "shared/core/result.h"

#include <cstdint>
#include <string_view>

namespace support::server::sqlite_erasure {

Result<protocol::ShopperErasure> forget(SqliteConnection& db, std::string_view site,
                                        std::string_view shopper_digest, std::int64_t at_ms);

} // namespace support::server::sqlite_erasure
