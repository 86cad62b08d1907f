#pragma once
// Forgetting a shopper in PostgreSQL (postgres_schema.cpp, migration 7): what one browser's shopper
// key gave deleted (tags, activity and events by ON DELETE CASCADE) and the erasure recorded, in one
// transaction.

#include "server/storage/postgres_connection.h"
#include "shared/core/protocol/shopper_key.h"

#include <string_view>

namespace support::server::postgres_erasure {

Result<protocol::ShopperErasure> forget(PostgresSession& db, std::string_view site,
                                        std::string_view shopper_digest, std::int64_t at_ms);

} // namespace support::server::postgres_erasure
