#include "server/storage/postgres_storage.h"
#include "server/storage/sqlite_storage.h"
#include "server/storage/storage.h"

namespace support::server {

bool names_postgresql(std::string_view spec) {
    return spec.starts_with("postgresql://") || spec.starts_with("postgres://");
}

std::string printable_store_address(std::string_view spec) {
    std::string out(spec);
    if (!names_postgresql(spec))
        return out;
    const std::size_t authority = out.find("://") + 3;
    const std::size_t at = out.find('@', authority);
    const std::size_t colon = out.find(':', authority);
    if (at != std::string::npos && colon != std::string::npos && colon < at)
        out.replace(colon + 1, at - colon - 1, "***");
    for (std::size_t key = out.find("password="); key != std::string::npos;
         key = out.find("password=", key + 1)) {
        const std::size_t value = key + 9;
        const std::size_t end = out.find('&', value);
        out.replace(value, (end == std::string::npos ? out.size() : end) - value, "***");
    }
    return out;
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
