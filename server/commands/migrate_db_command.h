#pragma once
// `support-server migrate-db`: moves a SQLite store's data into an empty PostgreSQL database
// (server/storage/store_copy.h), for a store that outgrew one machine.
//
//   support-server migrate-db --from sqlite:PATH --to postgresql://USER@HOST/DATABASE
//
// Prints each table's rows and checksum, the same on both sides. Stop support-server first: feedback
// written to the SQLite file during the copy would not be moved.
// Exit codes: 0 copied and verified; 1 the stores refused or differed (nothing is kept);
// 2 bad arguments (migrate.args.*).

#include <ostream>
#include <span>
#include <string_view>

namespace support::server {

int run_migrate_db(std::span<const std::string_view> args, std::ostream& out, std::ostream& err);

} // namespace support::server
