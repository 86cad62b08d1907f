#include "server/storage/postgres_storage.h"
#include "server/storage/sqlite_storage.h"
#include "server/storage/storage.h"

namespace support::server {

bool names_postgresql(std::string_view spec) {
    return spec.starts_with("postgresql://") || spec.starts_with("postgres://");
}

Result<std::unique_ptr<Storage>> open_storage(std::string_view spec, std::size_t pool_size) {
    if (names_postgresql(spec)) {
        SW_TRY(auto postgres, PostgresStorage::open(std::string(spec), pool_size));
        return std::unique_ptr<Storage>(std::move(postgres));
    }
    SW_TRY(auto sqlite, SqliteStorage::open(std::filesystem::path(std::string(spec))));
    return std::unique_ptr<Storage>(std::move(sqlite));
}

} // namespace support::server
