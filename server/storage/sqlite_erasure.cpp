#include "server/storage/sqlite_erasure.h"

namespace support::server::sqlite_erasure {

namespace {

Result<std::int64_t> delete_rows(SqliteConnection& db, const char* sql, std::string_view site,
                                 std::string_view shopper_digest) {
    SW_TRY(auto statement, db.prepare(sql));
    statement.bind(1, site);
    statement.bind(2, shopper_digest);
    SW_TRY(bool unused_row, statement.step());
    (void)unused_row;
    return db.changes();
}

} // namespace

Result<protocol::ShopperErasure> forget(SqliteConnection& db, std::string_view site,
                                        std::string_view shopper_digest, std::int64_t at_ms) {
    if (shopper_digest.empty())
        return protocol::ShopperErasure{}; // rows without a key belong to nobody we can name
    return in_transaction(db, [&]() -> Result<protocol::ShopperErasure> {
        protocol::ShopperErasure erasure;
        SW_TRY(erasure.feedback_deleted,
               delete_rows(db, "DELETE FROM feedback WHERE site = ?1 AND shopper_digest = ?2", site,
                           shopper_digest));
        SW_TRY(erasure.conversations_deleted,
               delete_rows(db, "DELETE FROM conversations WHERE site = ?1 AND shopper_digest = ?2", site,
                           shopper_digest));
        SW_TRY(auto record, db.prepare("INSERT INTO shopper_erasures (site, feedback_deleted, "
                                       "conversations_deleted, at_ms) VALUES (?1, ?2, ?3, ?4)"));
        record.bind(1, site);
        record.bind(2, erasure.feedback_deleted);
        record.bind(3, erasure.conversations_deleted);
        record.bind(4, at_ms);
        SW_TRY(bool unused_row, record.step());
        (void)unused_row;
        return erasure;
    });
}

} // namespace support::server::sqlite_erasure
