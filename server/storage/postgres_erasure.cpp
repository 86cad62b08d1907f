#include "server/storage/postgres_erasure.h"

#include <string>

namespace support::server::postgres_erasure {

Result<protocol::ShopperErasure> forget(PostgresSession& db, std::string_view site,
                                        std::string_view shopper_digest, std::int64_t at_ms) {
    if (shopper_digest.empty())
        return protocol::ShopperErasure{}; // rows without a key belong to nobody we can name
    const std::string site_text(site);
    const std::string digest(shopper_digest);
    return in_postgres_transaction(db, [&](pqxx::work& tx) -> Result<protocol::ShopperErasure> {
        protocol::ShopperErasure erasure;
        erasure.feedback_deleted = static_cast<std::int64_t>(
            db.exec(tx, "DELETE FROM feedback WHERE site = $1 AND shopper_digest = $2", site_text, digest)
                .affected_rows());
        erasure.conversations_deleted = static_cast<std::int64_t>(
            db.exec(tx, "DELETE FROM conversations WHERE site = $1 AND shopper_digest = $2", site_text,
                    digest)
                .affected_rows());
        db.exec(tx,
                "INSERT INTO shopper_erasures (site, feedback_deleted, conversations_deleted, at_ms) "
                "VALUES ($1, $2, $3, $4)",
                site_text, erasure.feedback_deleted, erasure.conversations_deleted, at_ms);
        return erasure;
    });
}

} // namespace support::server::postgres_erasure
