#include "server/storage/sqlite_storage.h"
#include "server/storage/storage.h"

namespace support::server {

Result<std::unique_ptr<Storage>> open_storage(std::string_view spec) {
    if (spec.starts_with("postgresql://") || spec.starts_with("postgres://"))
        return make_error("storage.unsupported_backend",
                          "this support-server stores in SQLite only; give --db a file path", "--db");
    SW_TRY(auto sqlite, SqliteStorage::open(std::filesystem::path(std::string(spec))));
    return std::unique_ptr<Storage>(std::move(sqlite));
}

} // namespace support::server
