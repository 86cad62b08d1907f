#pragma once
// How the staff tables' rows read back (accounts, sign-in buckets), written once for every store: `Row` is
// anything with column_text(i) and column_int(i) (SqliteStatement, PostgresRow).

#include "server/storage/staff_record.h"
#include "shared/core/result.h"

#include <cmath>
#include <cstdint>

namespace support::server::staff_rows {

inline constexpr const char* k_account_columns = "id, email, role, password_hash, created_at_ms";

// The account whose k_account_columns start at column `first`.
template <typename Row> Result<StaffAccount> read_account(const Row& row, int first = 0) {
    StaffAccount account;
    account.id = row.column_int(first);
    account.email = row.column_text(first + 1);
    const auto role = parse_staff_role(row.column_text(first + 2));
    if (!role)
        return make_error("storage.read_failed", "staff account " + account.email + " has an unknown role");
    account.role = *role;
    account.password_hash = row.column_text(first + 3);
    account.created_at_ms = row.column_int(first + 4);
    return account;
}

// A sign-in bucket's tokens as stored: whole thousandths (an integer column in every store).
inline std::int64_t milli_from_tokens(double tokens) {
    return static_cast<std::int64_t>(std::llround(tokens * 1000.0));
}
inline double tokens_from_milli(std::int64_t milli) {
    return static_cast<double>(milli) / 1000.0;
}

} // namespace support::server::staff_rows
